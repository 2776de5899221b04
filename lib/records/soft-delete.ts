import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertCanDelete, assertMayDeleteRecord, resolveVisibleObject } from "./access";
import { auditRecordChange } from "./audit";
import { recordInTrash } from "./errors";
import { requireRecordRow } from "./record-row";
import { toVisibleRecord, type VisibleRecord } from "./serialize";

/** Moves a record to the trash (needs `delete`); it can be restored until destroyed. */
export async function softDeleteRecord(tx: Tx, principal: Principal, objectName: string, id: string): Promise<VisibleRecord> {
  const object = await resolveVisibleObject(tx, principal, objectName);
  // Permission before existence: a role that may not delete learns nothing about ids.
  assertCanDelete(principal, object, "delete");
  const row = await requireRecordRow(tx, principal, object, id, { forWrite: true });
  assertMayDeleteRecord(principal, object, "delete", row);
  if (row.deletedAt) throw recordInTrash(object.namePlural, id);
  const trashed = await tx.record.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
  const after = toVisibleRecord(principal, object, trashed);
  await auditRecordChange(tx, principal, "record.deleted", object, trashed, { before: toVisibleRecord(principal, object, row), after });
  return after;
}
