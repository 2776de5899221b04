"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/errors";
import { ACTION_PERMISSIONS, type ActionPermission } from "@/lib/permissions";
import type { ObjectView } from "./types";
import { useErrorMessage } from "@/components/ui/use-error-message";

function isAction(value: unknown): value is ActionPermission {
  return typeof value === "string" && (ACTION_PERMISSIONS as readonly string[]).includes(value);
}

/**
 * One translated sentence for a refusal of the records domain, naming the field or object by its
 * label. Built from the error's code and params only (never from server text).
 */
export function useRecordErrors(view: ObjectView) {
  const t = useTranslations("records.errors");
  const errorMessage = useErrorMessage();
  const tActions = useTranslations("permissions.actions");

  return useCallback(
    (error: ActionError, options: { empty?: boolean } = {}): string => {
      const params = error.params ?? {};
      const fieldName = error.field ?? (typeof params.field === "string" ? params.field : undefined);
      const field = fieldName ? view.fields.find((candidate) => candidate.name === fieldName) : undefined;
      const fieldLabel = field?.label ?? (typeof params.column === "string" && params.column !== "" ? params.column : fieldName ?? "");
      const values = {
        field: fieldLabel,
        object: params.object === view.namePlural || params.object === undefined ? view.labelPlural : String(params.object),
        column: String(params.column ?? ""),
        other: String(params.other ?? ""),
        value: String(params.value ?? ""),
        detail: String(params.detail ?? ""),
        limit: Number(params.limit ?? 0),
        count: Number(params.count ?? 0),
        max: Number(params.max ?? 0),
        action: isAction(params.action) ? tActions(params.action) : String(params.action ?? ""),
      };
      const reason = typeof params.reason === "string" ? params.reason : undefined;

      // A reason (lib/errors' closed list) has a sentence when records.errors holds one.
      if (reason && t.has(reason as never)) return (t as unknown as (key: string, values: object) => string)(reason, values);
      if (error.code === "UNKNOWN_FIELD") return t("UNKNOWN_COLUMN", { ...values, column: fieldLabel });
      if (error.code === "VALIDATION_FAILED" && field) {
        if (options.empty && field.isLabel) return t("REQUIRED", values);
        return t(`invalid.${field.type}`, values);
      }
      return errorMessage(error);
    },
    [t, errorMessage, tActions, view],
  );
}
