/**
 * Database row → what leaves the server. A row is first expanded to every field of the object
 * (system fields from columns, the rest from `data`, null when empty), then the engine's
 * maskRecord keeps only what the principal may see: a hidden field's key is absent, never null.
 */
import type { Principal } from "@/lib/access/principal";
import { maskRecords } from "@/lib/permissions";
import type { RecordObject } from "./objects";

export interface RecordRow {
  id: string;
  data: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type RecordData = Record<string, unknown>;
/** A record as one principal may see it. */
export type VisibleRecord = Record<string, unknown>;

export function parseRecordData(raw: string): RecordData {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as RecordData) : {};
  } catch {
    return {};
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

export function ownValue(data: RecordData, key: string): unknown {
  return hasOwn.call(data, key) ? (data[key] ?? null) : null;
}

const COLUMN_VALUES = new Map<string, (row: RecordRow) => unknown>([
  ["id", (row) => row.id],
  ["createdAt", (row) => row.createdAt.toISOString()],
  ["updatedAt", (row) => row.updatedAt.toISOString()],
]);

/** Every field of the object with its value (unmasked: for internal use only). */
export function toFullRecord(object: RecordObject, row: RecordRow): RecordData {
  const data = parseRecordData(row.data);
  // Null prototype and own-property reads: a field named "constructor" must not find Object's.
  const record: RecordData = Object.create(null);
  for (const field of object.fields) {
    const fromColumn = field.isSystem ? COLUMN_VALUES.get(field.name) : undefined;
    record[field.name] = fromColumn ? fromColumn(row) : ownValue(data, field.name);
  }
  return record;
}

export function toVisibleRecords(principal: Principal, object: RecordObject, rows: readonly RecordRow[]): VisibleRecord[] {
  const masked = maskRecords(principal.permissions, object.nameSingular, rows.map((row) => toFullRecord(object, row))) ?? [];
  // deletedAt is a column, not a field: visible to whoever sees the record, like the system fields.
  return masked.map((record, index) => Object.assign(record, { deletedAt: rows[index].deletedAt?.toISOString() ?? null }));
}

export function toVisibleRecord(principal: Principal, object: RecordObject, row: RecordRow): VisibleRecord {
  return toVisibleRecords(principal, object, [row])[0];
}

/** The record's display name, for audit entries; the label field is visible to anyone who sees the object. */
export function recordLabel(object: RecordObject, row: RecordRow): string {
  const label = object.fields.find((field) => field.isLabel);
  const value = label ? ownValue(parseRecordData(row.data), label.name) : null;
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}
