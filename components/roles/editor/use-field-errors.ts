"use client";

import { useCallback } from "react";
import type { ActionError } from "@/lib/errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

/** The translated message for one control, from the errors the server returned. */
export function useFieldErrors(errors: ActionError[]) {
  const errorMessage = useErrorMessage();
  return useCallback(
    (field: string) => {
      const error = errors.find((candidate) => candidate.field === field || candidate.field?.startsWith(`${field}.`));
      return error ? errorMessage(error) : null;
    },
    [errors, errorMessage],
  );
}
