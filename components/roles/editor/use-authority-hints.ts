"use client";

import { useMemo } from "react";
import { exceedingPermissions, type EffectivePermissions } from "@/lib/permissions";
import type { RoleDraft } from "@/lib/roles/draft";
import { permissionLocator } from "@/lib/roles/permission-locator";
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
    for (const item of exceedingPermissions(effective, authority.permissions, authority.memberId)) {
      if (item.kind === "admin") continue;
      const locator = permissionLocator(item, draft.objectRules);
      if (!hints.has(locator)) hints.set(locator, errorMessage({ code: "EXCEEDS_AUTHORITY", params: permissionParams(item, objects) }));
    }
    return (field: string) => hints.get(field) ?? [...hints].find(([locator]) => locator.startsWith(`${field}.`))?.[1] ?? null;
  }, [effective, draft, authority, objects, errorMessage]);
}
