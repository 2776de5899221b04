"use client";

import { useMemo } from "react";
import { exceedingPermissions, type EffectivePermissions, type ExceedingPermission } from "@/lib/permissions";
import type { RoleDraft } from "@/lib/roles/draft";
import { ruleOverride } from "@/lib/roles/draft-edits";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { permissionParams } from "@/components/permissions/use-permission-name";
import type { EditorAuthority, EditorObject, FieldErrors } from "./types";

/**
 * SPEC §11 before Save: every switch of the draft that grants beyond the actor's own role says
 * so beside itself, with the same message the server answers when asked to save it. Computed by
 * the engine's `exceedingPermissions`, so the hint and the refusal cannot disagree.
 */
export function useAuthorityHints(effective: EffectivePermissions, draft: RoleDraft, authority: EditorAuthority | null, objects: EditorObject[]): FieldErrors {
  const errorMessage = useErrorMessage();
  return useMemo(() => {
    if (!authority) return () => null;
    const hints = new Map<string, string>();
    for (const item of exceedingPermissions(effective, authority.permissions)) {
      if (item.kind === "admin") continue;
      const locator = locate(item, draft);
      if (!hints.has(locator)) hints.set(locator, errorMessage({ code: "EXCEEDS_AUTHORITY", params: permissionParams(item, objects) }));
    }
    return (field: string) => hints.get(field) ?? [...hints].find(([locator]) => locator.startsWith(`${field}.`))?.[1] ?? null;
  }, [effective, draft, authority, objects, errorMessage]);
}

/** The control that grants the permission: the object rule when it overrides, else the baseline. */
function locate(item: Exclude<ExceedingPermission, { kind: "admin" }>, draft: RoleDraft): string {
  switch (item.kind) {
    case "object": {
      const rule = draft.objectRules.find((candidate) => candidate.object === item.object);
      return rule && ruleOverride(rule, item.action) !== null ? `object.${item.object}.${item.action}` : `baseline.${item.action}`;
    }
    case "field":
      return `field.${item.object}.${item.field}`;
    case "setting":
      return `settings.${item.key}`;
    case "action":
      return `actions.${item.key}`;
  }
}
