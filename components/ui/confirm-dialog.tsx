"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  onConfirm: () => void;
  /** Defaults to the common "Confirm" / "Cancel". */
  confirmLabel?: string;
  cancelLabel?: string;
  /** While true the confirm button is disabled, so a slow action is not sent twice. */
  pending?: boolean;
  /** Why the last attempt failed, announced in the dialog. */
  error?: string | null;
  tone?: "danger" | "primary";
  children?: ReactNode;
}

/**
 * Asks before a consequential action. Built on Modal (Radix Dialog): focus moves into the
 * dialog, is trapped there, Escape cancels, and focus returns to the control that opened it.
 */
export function ConfirmDialog({ onConfirm, confirmLabel, cancelLabel, pending, error, tone = "danger", children, ...dialog }: ConfirmDialogProps) {
  const tc = useTranslations("common");
  return (
    <Modal
      {...dialog}
      footer={
        <>
          <Button onClick={() => dialog.onOpenChange(false)}>{cancelLabel ?? tc("cancel")}</Button>
          <Button variant={tone} onClick={onConfirm} disabled={pending}>{confirmLabel ?? tc("confirm")}</Button>
        </>
      }
    >
      {children || error ? (
        <>
          {children}
          {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        </>
      ) : null}
    </Modal>
  );
}
