"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/errors";

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
