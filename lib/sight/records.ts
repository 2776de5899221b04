/**
 * The engine's sight (lib/permissions/sight.ts) on stored records: rows of the Record table and
 * the snapshots other tables keep of them (audit entries). For channels that hold records they
 * did not read through lib/records' lists and gets, which already apply the same predicate.
 */
import type { Tx } from "@/lib/db/prisma";
import { recordSight, type RecordSight } from "@/lib/permissions";
import { toFullRecord } from "@/lib/records/serialize";
import { findRecordRows } from "@/lib/records/record-row";
import type { RecordObject } from "@/lib/records/objects";
import { recordPrincipalOf, type Reader } from "./reader";

export function sightOn(reader: Reader, object: RecordObject): RecordSight {
  return recordSight(reader.permissions, object.nameSingular, recordPrincipalOf(reader));
}

/**
 * Which of the records `ids` of one object the reader reaches, each with the fields the reader
 * may see on it (with several grants, those of the grants that reach it: SPEC §17). A record that
 * still exists is judged on what it holds now; one destroyed since is judged on the snapshots kept
 * of it (all of them must be within reach, and only fields visible on each count), and with none
 * it is out of reach: fail closed.
 */
export async function reachableRecords(
  db: Tx,
  reader: Reader,
  object: RecordObject,
  ids: readonly string[],
  snapshotsOf: (id: string) => readonly Record<string, unknown>[] = () => [],
): Promise<Map<string, ReadonlySet<string>>> {
  const sight = sightOn(reader, object);
  const distinct = [...new Set(ids)];
  const rows = await findRecordRows(db, reader.workspaceId, object, distinct);
  // Every field present, so that `see` names every field the reader may see on the record.
  const everyField = Object.fromEntries(object.fields.map((field) => [field.name, null]));
  const visibleOn = (record: Record<string, unknown>) => {
    const seen = sight.see({ ...everyField, ...record });
    return seen ? new Set(Object.keys(seen)) : null;
  };
  const reachable = new Map<string, ReadonlySet<string>>();
  for (const id of distinct) {
    const row = rows.get(id);
    const judged = row ? [visibleOn(toFullRecord(object, row))] : snapshotsOf(id).map(visibleOn);
    if (judged.length === 0 || judged.some((fields) => fields === null)) continue;
    const [first, ...rest] = judged as Set<string>[];
    reachable.set(id, new Set([...first].filter((field) => rest.every((fields) => fields.has(field)))));
  }
  return reachable;
}
