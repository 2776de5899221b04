/**
 * Database row → what leaves the server. A row is first expanded to every field of the object
 * (system fields from columns, the rest from `data`, null when empty), then the engine's
 * maskRecord keeps only what the principal may see: a hidden field's key is absent, never null.
 */
import type { Principal } from "@/lib/access/principal";
import { maskRecords, recordSight } from "@/lib/permissions";
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

interface Projected {
  readonly name: string;
  readonly column: ((row: RecordRow) => unknown) | undefined;
}

/**
 * What the principal sees of the object, as the engine's maskRecords answers for a record holding
 * every field (its keys, in its order), worked out once per resolved permissions and object. Both
 * are cached behind their stamps (role version, data-model version), so a change makes new ones
 * and the next request a new projection; rows then only copy the projected keys.
 */
const projections = new WeakMap<Principal["permissions"], WeakMap<RecordObject, readonly Projected[] | null>>();

function projectionOf(principal: Principal, object: RecordObject): readonly Projected[] | null {
  let byObject = projections.get(principal.permissions);
  if (!byObject) projections.set(principal.permissions, (byObject = new WeakMap()));
  const known = byObject.get(object);
  if (known !== undefined) return known;
  const everyField: RecordData = Object.create(null);
  for (const field of object.fields) everyField[field.name] = true;
  const masked = maskRecords(principal.permissions, object.nameSingular, [everyField]);
  const projection = masked
    ? Object.keys(masked[0]).map((name) => {
        const field = object.fieldsByName.get(name);
        return { name, column: field?.isSystem ? COLUMN_VALUES.get(name) : undefined };
      })
    : null;
  byObject.set(object, projection);
  return projection;
}

export function toVisibleRecords(principal: Principal, object: RecordObject, rows: readonly RecordRow[]): VisibleRecord[] {
  // Several grants that show different fields on the records they reach (SPEC §17): each row is
  // masked by the grants that reach it, through the engine's sight.
  if (principal.permissions.grants) {
    const sight = recordSight(principal.permissions, object.nameSingular, { memberId: principal.kind === "member" ? principal.id : null });
    if (!sight.uniform) {
      return rows.map((row) => ({ ...(sight.see(toFullRecord(object, row)) ?? {}), deletedAt: row.deletedAt?.toISOString() ?? null }));
    }
  }
  const projection = projectionOf(principal, object);
  if (!projection) return [];
  return rows.map((row) => {
    const data = parseRecordData(row.data);
    const record: VisibleRecord = {};
    for (const { name, column } of projection) {
      const value = column ? column(row) : ownValue(data, name);
      // Plain assignment of "__proto__" would set the prototype instead of adding a key.
      if (name === "__proto__") Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
      else record[name] = value;
    }
    // deletedAt is a column, not a field: visible to whoever sees the record, like the system fields.
    record.deletedAt = row.deletedAt?.toISOString() ?? null;
    return record;
  });
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
