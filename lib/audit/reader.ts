/**
 * The audit log as one reader may see it (SPEC §12, §16). An entry leaves the server only
 * through the reader's sight:
 * - an entry about an object the reader cannot see is left out;
 * - an entry about a record outside the reader's record-level rule is left out (its label, its
 *   values and the fact that it changed are the record's);
 * - record snapshots are masked again with the reader's own permissions (the writer's mask is not
 *   enough: an Admin's edit stores every field it touched);
 * - counts of records (an export, an import, a workflow run), an export's search term and filter
 *   values show only to readers who reach every record of that object (a value typed by the
 *   exporter may be one of those records' values), and sorts, filters and searches only where the
 *   reader sees the fields they are about.
 */
import type { AuditLog } from "@prisma/client";
import type { Tx } from "@/lib/db/prisma";
import { can, maskRecord, uniformlyVisibleFields } from "@/lib/permissions";
import type { RecordObject } from "@/lib/records/objects";
import { readsEveryRecordOf, type Reader } from "@/lib/sight/reader";
import { reachableRecords } from "@/lib/sight/records";

type Entry = Pick<AuditLog, "action" | "targetType" | "targetId" | "before" | "after">;

/** For each object, the fields that hold e-mail addresses (a sent e-mail's recipient came from one). */
export type EmailFields = ReadonlyMap<string, readonly string[]>;

/** Objects by engine name, for the record entries of a page. */
export type ObjectsByName = ReadonlyMap<string, RecordObject>;

export function isAboutHiddenObject(entry: Pick<AuditLog, "action" | "targetType" | "after">, reader: Pick<Reader, "permissions">, objectNames: ReadonlySet<string>): boolean {
  if (objectNames.has(entry.targetType)) return !can(reader.permissions, "see", entry.targetType);
  const object = aboutObject(entry);
  return object !== null && objectNames.has(object) && !can(reader.permissions, "see", object);
}

/** The record an entry is about, if any: a record write, or an e-mail sent to a record. */
export function recordOf(entry: Pick<AuditLog, "action" | "targetType" | "targetId" | "after">): { object: string; id: string } | null {
  if (entry.action.startsWith("record.") && entry.targetId) return { object: entry.targetType, id: entry.targetId };
  if (entry.action === "email.sent") {
    const after = parse(entry.after);
    if (typeof after?.object === "string" && typeof after.recordId === "string") return { object: after.object, id: after.recordId };
  }
  return null;
}

/**
 * The records that entries of this page are about and that the reader reaches, by `object:id`,
 * with the fields the reader may see on each; judged per object in one query (a record destroyed
 * since is judged on its snapshots).
 */
export async function reachableRecordsOf(db: Tx, reader: Reader, entries: readonly Entry[], objects: ObjectsByName): Promise<Map<string, ReadonlySet<string>>> {
  const byObject = new Map<string, Entry[]>();
  for (const entry of entries) {
    const about = recordOf(entry);
    if (!about) continue;
    byObject.set(about.object, [...(byObject.get(about.object) ?? []), entry]);
  }
  const reachable = new Map<string, ReadonlySet<string>>();
  for (const [name, aboutIt] of byObject) {
    const object = objects.get(name);
    if (!object || !can(reader.permissions, "see", name)) continue;
    const ids = aboutIt.map((entry) => recordOf(entry)!.id);
    const snapshots = (id: string) =>
      aboutIt
        .filter((entry) => entry.action.startsWith("record.") && recordOf(entry)?.id === id)
        .flatMap((entry) => [parse(entry.before), parse(entry.after)])
        .filter((snapshot): snapshot is Record<string, unknown> => snapshot !== null);
    for (const [id, fields] of await reachableRecords(db, reader, object, ids, snapshots)) reachable.set(`${name}:${id}`, fields);
  }
  return reachable;
}

/**
 * `visibleOnRecord`: for an entry about a record, the fields the reader may see on that record
 * (reachableRecordsOf); without it, the fields the reader's permissions show on any record.
 */
export function maskAuditEntry<T extends Pick<AuditLog, "action" | "targetType" | "targetLabel" | "before" | "after">>(entry: T, reader: Pick<Reader, "permissions">, emailFields: EmailFields, visibleOnRecord?: ReadonlySet<string>): T {
  const perms = reader.permissions;
  const object = entry.targetType;
  if (entry.action.startsWith("record.")) {
    const mask = (value: Record<string, unknown>) => {
      const masked = maskRecord(perms, object, value);
      return masked && visibleOnRecord ? Object.fromEntries(Object.entries(masked).filter(([field]) => visibleOnRecord.has(field))) : masked;
    };
    return { ...entry, before: remask(entry.before, mask), after: remask(entry.after, mask) };
  }
  if (entry.action === "records.exported" || entry.action === "records.imported") {
    // Fields the reader sees on every record it reaches (with several grants, those every grant shows).
    const visible = new Set(uniformlyVisibleFields(perms, object));
    // A count, a search term or a filter value speaks of records: only to readers who reach them all.
    const everyRecord = readsEveryRecordOf(reader, object);
    const onlyVisible = (list: unknown) => (Array.isArray(list) ? list.filter((name) => visible.has(String(name))) : list);
    const visibleFilters = (list: unknown) => (Array.isArray(list) && everyRecord ? list.filter((filter) => visible.has(String((filter as { field?: unknown })?.field))) : []);
    const searchShown = (search: unknown, searched: unknown) => search === null || (everyRecord && Array.isArray(searched) && searched.every((name) => visible.has(String(name))));
    return {
      ...entry,
      after: remask(entry.after, ({ count, search, searchedFields, orderBy, ...value }) => ({
        ...value,
        ...(count !== undefined && everyRecord ? { count } : {}),
        ...(value.fields !== undefined ? { fields: onlyVisible(value.fields) } : {}),
        ...(value.columns !== undefined ? { columns: onlyVisible(value.columns) } : {}),
        ...(value.ignoredColumns !== undefined ? { ignoredColumns: onlyVisible(value.ignoredColumns) } : {}),
        ...(value.filter !== undefined ? { filter: visibleFilters(value.filter) } : {}),
        ...(orderBy !== undefined ? { orderBy: orderBy && visible.has(String((orderBy as { field?: unknown }).field)) ? orderBy : null } : {}),
        // A search looked in the exporter's text fields: the term shows only to a reader who sees them all.
        ...(search !== undefined ? { search: searchShown(search, searchedFields) ? search : null } : {}),
      })),
    };
  }
  if (entry.action === "workflow.triggered") {
    return { ...entry, after: remask(entry.after, ({ staleCount, ...value }) => (staleCount !== undefined && readsEveryRecordOf(reader, "opportunity") ? { ...value, staleCount } : value)) };
  }
  if (entry.action === "email.sent") {
    const masked = { ...entry, after: remask(entry.after, (value) => (mayReadRecipient(value, reader, emailFields, visibleOnRecord) ? value : withoutRecipient(value))) };
    // A workflow digest's subject counts the stale deals its invoker reaches.
    if (typeof parse(entry.after)?.workflow === "string" && !readsEveryRecordOf(reader, "opportunity")) {
      return { ...masked, targetLabel: "", after: remask(masked.after, ({ subject: _subject, ...value }) => value) };
    }
    return masked;
  }
  return entry;
}

function aboutObject(entry: Pick<AuditLog, "action" | "after">): string | null {
  if (entry.action !== "email.sent" && entry.action !== "field.created") return null;
  const after = parse(entry.after);
  return typeof after?.object === "string" ? after.object : null;
}

/**
 * An e-mail sent to a record's address shows the address only to readers who see that field on
 * that record (with several grants, a grant that reaches the record must show it).
 */
function mayReadRecipient(after: Record<string, unknown>, reader: Pick<Reader, "permissions">, emailFields: EmailFields, visibleOnRecord?: ReadonlySet<string>): boolean {
  if (typeof after.object !== "string") return true; // sent to a workspace member (a workflow digest), not a record
  const object = after.object;
  return (emailFields.get(object) ?? []).some((field) => (visibleOnRecord ? visibleOnRecord.has(field) : can(reader.permissions, "see", object, field)));
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
