"use client";

import { useMemo } from "react";
import type { ActionError } from "@/lib/errors";
import { useErrorMessage } from "@/components/ui/use-error-message";

function belongsTo(error: ActionError, field: string) {
  return error.field === field || Boolean(error.field?.startsWith(`${field}.`));
}

/**
 * Messages for a form from the errors a server action returned: one per control (a specific
 * text for a validation failure when given, else the error code's message), and the rest for
 * the whole form.
 */
export function useFormErrors(errors: ActionError[], validationMessages: Record<string, string>) {
  const errorMessage = useErrorMessage();
  return useMemo(() => {
    const fields = Object.keys(validationMessages);
    const forField = (field: string): string | null => {
      const error = errors.find((candidate) => belongsTo(candidate, field));
      if (!error) return null;
      return error.code === "VALIDATION_FAILED" ? validationMessages[field] : errorMessage(error);
    };
    const general = [...new Set(errors.filter((error) => !fields.some((field) => belongsTo(error, field))).map((error) => errorMessage(error)))];
    return { forField, general };
  }, [errors, validationMessages, errorMessage]);
}
