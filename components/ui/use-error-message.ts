"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ActionError } from "@/lib/errors";

/** The reader's sentence for an error code, with its parameters (e.g. the permission it names). */
export function useErrorMessage() {
  const te = useTranslations("errors");
  return useCallback((error: Pick<ActionError, "code" | "params">) => te(error.code, error.params), [te]);
}
