/**
 * The audit log as one reader may see it (SPEC §12): an entry about an object the reader cannot
 * see is left out, and every record snapshot in it is masked again with the reader's own
 * permissions. The writer's mask is not enough: an Admin's edit stores every field it touched.
 */
import type { AuditLog } from "@prisma/client";
import { can, maskRecord, visibleFields, type EffectivePermissions } from "@/lib/permissions";

/** For each object, the fields that hold e-mail addresses (a sent e-mail's recipient came from one). */
export type EmailFields = ReadonlyMap<string, readonly string[]>;

export function isAboutHiddenObject(entry: Pick<AuditLog, "action" | "targetType" | "after">, reader: EffectivePermissions, objectNames: ReadonlySet<string>): boolean {
  if (objectNames.has(entry.targetType)) return !can(reader, "see", entry.targetType);
  const object = aboutObject(entry);
  return object !== null && objectNames.has(object) && !can(reader, "see", object);
}

export function maskAuditEntry<T extends Pick<AuditLog, "action" | "targetType" | "before" | "after">>(entry: T, reader: EffectivePermissions, emailFields: EmailFields): T {
  const object = entry.targetType;
  if (entry.action.startsWith("record.")) {
    return { ...entry, before: remask(entry.before, (value) => maskRecord(reader, object, value)), after: remask(entry.after, (value) => maskRecord(reader, object, value)) };
  }
  if (entry.action === "records.exported" || entry.action === "records.imported") {
    const visible = new Set(visibleFields(reader, object));
    const onlyVisible = (list: unknown) => (Array.isArray(list) ? list.filter((name) => visible.has(String(name))) : list);
    const visibleFilters = (list: unknown) => (Array.isArray(list) ? list.filter((filter) => visible.has(String((filter as { field?: unknown })?.field))) : list);
    return {
      ...entry,
      after: remask(entry.after, (value) => ({
        ...value,
        ...(value.fields !== undefined ? { fields: onlyVisible(value.fields) } : {}),
        ...(value.columns !== undefined ? { columns: onlyVisible(value.columns) } : {}),
        ...(value.ignoredColumns !== undefined ? { ignoredColumns: onlyVisible(value.ignoredColumns) } : {}),
        ...(value.filter !== undefined ? { filter: visibleFilters(value.filter) } : {}),
      })),
    };
  }
  if (entry.action === "email.sent") {
    return { ...entry, after: remask(entry.after, (value) => (mayReadRecipient(value, reader, emailFields) ? value : withoutRecipient(value))) };
  }
  return entry;
}

function aboutObject(entry: Pick<AuditLog, "action" | "after">): string | null {
  if (entry.action !== "email.sent" && entry.action !== "field.created") return null;
  const after = parse(entry.after);
  return typeof after?.object === "string" ? after.object : null;
}

/** An e-mail sent to a record's address shows the address only to readers who see that field. */
function mayReadRecipient(after: Record<string, unknown>, reader: EffectivePermissions, emailFields: EmailFields): boolean {
  if (typeof after.object !== "string") return true; // sent to a workspace member (a workflow digest), not a record
  return (emailFields.get(after.object) ?? []).some((field) => can(reader, "see", after.object as string, field));
}

function withoutRecipient({ to: _to, recordLabel: _label, ...rest }: Record<string, unknown>) {
  return rest;
}

function remask(json: string | null, mask: (value: Record<string, unknown>) => Record<string, unknown> | null): string | null {
  const value = parse(json);
  if (value === null) return json;
  const masked = mask(value);
  return masked === null ? null : JSON.stringify(masked);
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
