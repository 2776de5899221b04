/**
 * A requested permission in words, for the audit log, the outbox and the permission set's name:
 * the `permissions.name` sentence of the English catalog (the one UIs show in the reader's
 * language), with the workspace's labels.
 */
import type { Tx } from "@/lib/db/prisma";
import { neededMessage } from "@/lib/api/error-messages";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { GrantItem } from "@/lib/permissions";

const translate = createTranslator({ locale: "en", messages: en, namespace: "permissions" }) as unknown as (key: string, values?: Record<string, string>) => string;

export interface PermissionLabels {
  object?: string;
  field?: string;
}

/** The labels of the object (plural) and field a permission names. */
export async function permissionLabels(tx: Tx, workspaceId: string, item: GrantItem): Promise<PermissionLabels> {
  if (item.kind === "setting" || item.kind === "action") return {};
  const object = await tx.objectMetadata.findFirst({
    where: { workspaceId, nameSingular: item.object },
    select: { labelPlural: true, namePlural: true, fields: { where: { name: item.kind === "field" ? item.field : "" }, select: { label: true } } },
  });
  return { object: object?.labelPlural ?? item.object, ...(item.kind === "field" ? { field: object?.fields[0]?.label ?? item.field } : {}) };
}

/** `Edit records on People`. */
export async function englishPermissionName(tx: Tx, workspaceId: string, item: GrantItem): Promise<string> {
  const labels = await permissionLabels(tx, workspaceId, item);
  const params = { kind: item.kind, action: "action" in item ? item.action : "", object: labels.object ?? "", field: labels.field ?? "", key: "key" in item ? item.key : "" };
  return translate("name", params);
}

/** `Needs Edit records on People`. */
export async function englishNeeds(tx: Tx, workspaceId: string, item: GrantItem): Promise<string> {
  const labels = await permissionLabels(tx, workspaceId, item);
  return neededMessage({ permission: { ...item }, labels });
}
