import { ErrorBlock } from "@/components/ui/error-block";

/** An error shown beside its control; `id` is referenced by the control's aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <ErrorBlock id={id} className="mt-1">
      {message}
    </ErrorBlock>
  );
}
