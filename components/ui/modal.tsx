"use client";

import { Dialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import type { ReactNode } from "react";

export interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** Accessible name of the × button; defaults to the common "Close". */
  closeLabel?: string;
}

/** An accessible dialog: focus moves in, is trapped, and returns to the trigger on close. */
export function Modal({ open, onOpenChange, title, description, children, footer, closeLabel }: ModalProps) {
  const tc = useTranslations("common");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/40" />
        <Dialog.Content
          {...(description ? {} : { "aria-describedby": undefined })}
          className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none"
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-base font-semibold text-gray-900">{title}</Dialog.Title>
            <Dialog.Close aria-label={closeLabel ?? tc("close")} className="rounded p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-800">
              <X aria-hidden className="size-4" />
            </Dialog.Close>
          </div>
          {description ? <Dialog.Description className="mt-2 text-sm text-gray-600">{description}</Dialog.Description> : null}
          {children ? <div className="mt-4">{children}</div> : null}
          {footer ? <div className="mt-5 flex justify-end gap-2">{footer}</div> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
