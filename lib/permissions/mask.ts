/**
 * Read-side enforcement: what leaves the server contains only what the role may see. A hidden
 * field's key is absent, never null (SPEC §9), so a client cannot even learn it has a value.
 */
import { FAST_INDEX, SEE_BIT } from "./fast-index";
import type { EffectivePermissions } from "./types";

type RecordData = Record<string, unknown>;

/**
 * A new record holding only the visible fields present in `record` (schema order); keys that are
 * not fields of the object are dropped too. Null when the role cannot see the object at all.
 */
export function maskRecord(perms: EffectivePermissions, object: string, record: RecordData): RecordData | null {
  const visibleFields = visibleFieldsOf(perms, object);
  return visibleFields === null ? null : pickFields(record, visibleFields);
}

/** Same as maskRecord for a list; the visible key list is looked up once, not per record. */
export function maskRecords(
  perms: EffectivePermissions,
  object: string,
  records: readonly RecordData[],
): RecordData[] | null {
  const visibleFields = visibleFieldsOf(perms, object);
  if (visibleFields === null) return null;
  const masked = new Array<RecordData>(records.length);
  for (let i = 0; i < records.length; i++) masked[i] = pickFields(records[i], visibleFields);
  return masked;
}

function visibleFieldsOf(perms: EffectivePermissions, object: string): readonly string[] | null {
  const entry = perms[FAST_INDEX].objects.get(object);
  return entry === undefined || (entry.mask & SEE_BIT) === 0 ? null : entry.visibleFields;
}

const hasOwn = Object.prototype.hasOwnProperty;

function pickFields(record: RecordData, fields: readonly string[]): RecordData {
  const picked: RecordData = {};
  for (const field of fields) {
    if (!hasOwn.call(record, field)) continue;
    if (field === "__proto__") {
      // Plain assignment would set the prototype instead of adding a key.
      Object.defineProperty(picked, field, { value: record[field], enumerable: true, writable: true, configurable: true });
    } else {
      picked[field] = record[field];
    }
  }
  return picked;
}
