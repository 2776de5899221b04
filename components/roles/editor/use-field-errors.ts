"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ActionError } from "@/lib/errors";

/** The translated message for one control, from the errors the server returned. */
export function useFieldErrors(errors: ActionError[]) {
  const t = useTranslations("errors");
  return useCallback(
    (field: string) => {
      const error = errors.find((candidate) => candidate.field === field || candidate.field?.startsWith(`${field}.`));
      return error ? t(error.code) : null;
    },
    [errors, t],
  );
}
