import { Check, Minus } from "lucide-react";

/** A yes/no cell that does not rely on colour alone: an icon plus a screen-reader label. */
export function PermissionMark({ allowed, label }: { allowed: boolean; label: string }) {
  return allowed ? (
    <span className="inline-flex items-center text-green-700" title={label}>
      <Check aria-hidden className="size-4" />
      <span className="sr-only">{label}</span>
    </span>
  ) : (
    <span className="inline-flex items-center text-gray-400" title={label}>
      <Minus aria-hidden className="size-4" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
