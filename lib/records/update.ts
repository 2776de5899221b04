import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertMayWriteRecord, assertWithinRecordRule, resolveVisibleObject } from "./access";
import { auditRecordChange } from "./audit";
import { recordInTrash } from "./errors";
import { requireRecordRow } from "./record-row";
import { parseRecordData, toVisibleRecord, type RecordData, type VisibleRecord } from "./serialize";
import { validateRecordInput } from "./write-input";

function applyPatch(data: RecordData, patch: RecordData): RecordData {
  const next: RecordData = { ...data };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * Changes the given fields only (a patch); null clears a field. Trashed records must be restored
 * first. Runs in the caller's transaction, with its audit entry.
 */
export async function updateRecord(tx: Tx, principal: Principal, objectName: string, id: string, patch: unknown): Promise<VisibleRecord> {
  const object = await resolveVisibleObject(tx, principal, objectName);
  const values = await validateRecordInput(tx, principal, object, patch, "update");
  const row = await requireRecordRow(tx, principal, object, id, { forWrite: true });
  if (row.deletedAt) throw recordInTrash(object.namePlural, id);
  const before = toVisibleRecord(principal, object, row);
  if (Object.keys(values).length === 0) return before; // nothing to change: no write, no audit entry
  assertMayWriteRecord(principal, object, values, "update", row);

  const data = JSON.stringify(applyPatch(parseRecordData(row.data), values));
  // Checked before writing: a record moved outside the rule would vanish from its editor.
  assertWithinRecordRule(principal, object, { ...row, data });
  const updated = await tx.record.update({ where: { id: row.id }, data: { data } });
  const after = toVisibleRecord(principal, object, updated);
  await auditRecordChange(tx, principal, "record.updated", object, updated, { before, after });
  return after;
}
