"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ExceedingPermission } from "@/lib/permissions";

interface ObjectLabels {
  name: string;
  labelPlural: string;
  fields: readonly { name: string; label: string }[];
}

/** The message parameters that name one permission with the workspace's labels. */
export function permissionParams(item: ExceedingPermission, objects: readonly ObjectLabels[]): Record<string, string> {
  const params = { kind: item.kind, action: "", object: "", field: "", key: "" };
  if (item.kind === "admin") return params;
  if (item.kind === "setting" || item.kind === "action") return { ...params, key: item.key };
  const object = objects.find((candidate) => candidate.name === item.object);
  const field = item.kind === "field" ? (object?.fields.find((candidate) => candidate.name === item.field)?.label ?? item.field) : "";
  return { ...params, action: item.action, object: object?.labelPlural ?? item.object, field };
}

/** "Edit records on People", "See field Address on People", "Export CSV", in the reader's language. */
export function usePermissionName(objects: readonly ObjectLabels[]) {
  const tp = useTranslations("permissions");
  return useCallback((item: ExceedingPermission) => tp("name", permissionParams(item, objects)), [tp, objects]);
}
