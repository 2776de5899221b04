/**
 * Sight (SPEC §16): what of one record one reader may see. A record is out of sight when the
 * reader cannot see its object or the record lies outside the reader's record-level rule; a
 * record in sight is masked by field. Every channel that sends a record, its label or one of its
 * values to a reader asks this (lists and counts ask the same predicate compiled to SQL), so a
 * hidden record or field cannot leave by a door that forgot a check.
 *
 * With several grants (SPEC §17) a record is in sight when any grant reaches it, and a field is
 * visible on it when a grant that reaches it shows the field.
 */
import { can } from "./check";
import { FAST_INDEX } from "./fast-index";
import { objectGrants } from "./grants";
import { maskRecord } from "./mask";
import { evaluatePredicate, recordRulePredicate, type RecordPrincipal } from "./record-rule";
import type { EffectivePermissions } from "./types";

type RecordData = Readonly<Record<string, unknown>>;

export interface RecordSight {
  /** Does the record (every field, unmasked) lie within the reader's reach? */
  readonly reaches: (record: RecordData) => boolean;
  /** The record as the reader may see it, or null when it is out of reach. */
  readonly see: (record: RecordData) => Record<string, unknown> | null;
  /** Every record in reach shows the same fields: a list may be masked by one projection. */
  readonly uniform: boolean;
}

const NOTHING: RecordSight = Object.freeze({ reaches: () => false, see: () => null, uniform: true });

/**
 * The reader's sight on the records of `object`, worked out once for any number of records:
 * the record-level predicate is built for the reader (their `Me`) a single time.
 */
export function recordSight(perms: EffectivePermissions, object: string, principal: RecordPrincipal): RecordSight {
  if (!can(perms, "see", object)) return NOTHING;
  const predicate = recordRulePredicate(perms.objects[object]?.records?.rule, principal);
  const reaches = predicate.kind === "const" ? () => predicate.value : (record: RecordData) => evaluatePredicate(predicate, record);
  const grants = perms.grants ? objectGrants(perms, object, principal) : null;
  if (!grants || grants.uniform) return { reaches, see: (record) => (reaches(record) ? maskRecord(perms, object, { ...record }) : null), uniform: true };
  // Fields per record: those shown by the grants that reach it, in the object's order.
  const order = perms[FAST_INDEX].objects.get(object)!.visibleFields;
  return {
    reaches,
    uniform: false,
    see: (record) => {
      const reaching = grants.seeing.filter((part) => part.reaches(record));
      if (reaching.length === 0) return null;
      const shown = new Set(reaching.flatMap((part) => part.permissions[FAST_INDEX].objects.get(object)!.visibleFields));
      const masked: Record<string, unknown> = {};
      for (const field of order) {
        if (!shown.has(field) || !Object.prototype.hasOwnProperty.call(record, field)) continue;
        // defineProperty: a field named "__proto__" stays a plain key.
        Object.defineProperty(masked, field, { value: record[field], enumerable: true, writable: true, configurable: true });
      }
      return masked;
    },
  };
}

/** One record: `recordSight(…).see(record)`. */
export function sightOf(perms: EffectivePermissions, object: string, record: RecordData, principal: RecordPrincipal): Record<string, unknown> | null {
  return recordSight(perms, object, principal).see(record);
}
