"use client";

import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** The submit button's text (e.g. "Creating…" while `pending`). */
  submitLabel: string;
  pending?: boolean;
  onSubmit: () => void;
  /** Leave the browser's own validation on (off by default: the server's errors are shown). */
  validate?: boolean;
  className?: string;
  children: ReactNode;
}

/** A dialog around one form: Cancel and the submit sit in the dialog's footer, tied to the form by id. */
export function FormDialog({ submitLabel, pending, onSubmit, validate = false, className = "space-y-4", children, ...dialog }: FormDialogProps) {
  const tc = useTranslations("common");
  const formId = `${useId()}-form`;
  return (
    <Modal
      {...dialog}
      footer={
        <>
          <Button onClick={() => dialog.onOpenChange(false)}>{tc("cancel")}</Button>
          <Button variant="primary" type="submit" form={formId} disabled={pending}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate={!validate}
        className={className}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
      </form>
    </Modal>
  );
}
