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
 * Which of the records `ids` of one object the reader reaches. A record that still exists is
 * judged on what it holds now; one destroyed since is judged on the snapshots kept of it (all
 * of them must be within reach), and with none it is out of reach: fail closed.
 */
export async function reachableRecordIds(
  db: Tx,
  reader: Reader,
  object: RecordObject,
  ids: readonly string[],
  snapshotsOf: (id: string) => readonly Record<string, unknown>[] = () => [],
): Promise<Set<string>> {
  const sight = sightOn(reader, object);
  const distinct = [...new Set(ids)];
  const rows = await findRecordRows(db, reader.workspaceId, object, distinct);
  const reachable = new Set<string>();
  for (const id of distinct) {
    const row = rows.get(id);
    if (row) {
      if (sight.reaches(toFullRecord(object, row))) reachable.add(id);
      continue;
    }
    const snapshots = snapshotsOf(id);
    if (snapshots.length > 0 && snapshots.every((snapshot) => sight.reaches(snapshot))) reachable.add(id);
  }
  return reachable;
}
