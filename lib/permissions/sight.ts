/**
 * Sight (SPEC §16): what of one record one reader may see. A record is out of sight when the
 * reader cannot see its object or the record lies outside the reader's record-level rule; a
 * record in sight is masked by field. Every channel that sends a record, its label or one of its
 * values to a reader asks this (lists and counts ask the same predicate compiled to SQL), so a
 * hidden record or field cannot leave by a door that forgot a check.
 */
import { can } from "./check";
import { maskRecord } from "./mask";
import { evaluatePredicate, recordRulePredicate, type RecordPrincipal } from "./record-rule";
import type { EffectivePermissions } from "./types";

type RecordData = Readonly<Record<string, unknown>>;

export interface RecordSight {
  /** Does the record (every field, unmasked) lie within the reader's reach? */
  readonly reaches: (record: RecordData) => boolean;
  /** The record as the reader may see it, or null when it is out of reach. */
  readonly see: (record: RecordData) => Record<string, unknown> | null;
}

const NOTHING: RecordSight = Object.freeze({ reaches: () => false, see: () => null });

/**
 * The reader's sight on the records of `object`, worked out once for any number of records:
 * the record-level predicate is built for the reader (their `Me`) a single time.
 */
export function recordSight(perms: EffectivePermissions, object: string, principal: RecordPrincipal): RecordSight {
  if (!can(perms, "see", object)) return NOTHING;
  const predicate = recordRulePredicate(perms.objects[object]?.records?.rule, principal);
  const reaches = predicate.kind === "const" ? () => predicate.value : (record: RecordData) => evaluatePredicate(predicate, record);
  return {
    reaches,
    see: (record) => (reaches(record) ? maskRecord(perms, object, { ...record }) : null),
  };
}

/** One record: `recordSight(…).see(record)`. */
export function sightOf(perms: EffectivePermissions, object: string, record: RecordData, principal: RecordPrincipal): Record<string, unknown> | null {
  return recordSight(perms, object, principal).see(record);
}
