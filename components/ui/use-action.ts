"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

/**
 * Runs a server action in a transition and keeps the errors it returned: on failure they are
 * kept (and `failureToast` shown), on success they are cleared and `onSuccess` gets the data.
 */
export function useAction<Input, Data>(
  action: (input: Input) => Promise<ActionResult<Data>>,
  { onSuccess, failureToast }: { onSuccess: (data: Data) => void; failureToast?: string },
) {
  const [errors, setErrors] = useState<ActionError[]>([]);
  const [pending, startTransition] = useTransition();
  const run = (input: Input) =>
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        setErrors(result.errors);
        if (failureToast) toast.error(failureToast);
        return;
      }
      setErrors([]);
      onSuccess(result.data);
    });
  return { errors, setErrors, pending, run };
}

/**
 * An action asked for on one row and confirmed in a dialog: `ask(row)` opens the dialog, the
 * dialog's confirm runs the action on that row; on success the dialog closes, `success(data)` is
 * toasted and the page refreshed; a failure stays in the dialog (and `failureToast` is shown).
 * Spread `dialog` into ConfirmDialog.
 */
export function useConfirmAction<Target, Data>(
  action: (target: Target) => Promise<ActionResult<Data>>,
  { success, failureToast }: { success: (data: Data) => string; failureToast: string },
) {
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [target, setTarget] = useState<Target | null>(null);
  const { errors, setErrors, pending, run } = useAction(action, {
    failureToast,
    onSuccess: (data) => {
      toast.success(success(data));
      setTarget(null);
      router.refresh();
    },
  });
  const ask = (row: Target) => {
    setErrors([]);
    setTarget(row);
  };
  const dialog = {
    open: target !== null,
    onOpenChange: (open: boolean) => !open && setTarget(null),
    onConfirm: () => target !== null && run(target),
    pending,
    error: errors[0] ? errorMessage(errors[0]) : null,
  };
  return { target, ask, dialog };
}
