import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertCanDelete, assertMayDeleteRecord, resolveVisibleObject } from "./access";
import { auditRecordChange } from "./audit";
import { recordNotInTrash } from "./errors";
import { requireRecordRow } from "./record-row";
import { toVisibleRecord, type VisibleRecord } from "./serialize";

/** Takes a record out of the trash; only roles that may delete may restore (SPEC §5). */
export async function restoreRecord(tx: Tx, principal: Principal, objectName: string, id: string): Promise<VisibleRecord> {
  const object = await resolveVisibleObject(tx, principal, objectName);
  assertCanDelete(principal, object, "restore");
  const row = await requireRecordRow(tx, principal, object, id, { forWrite: true });
  assertMayDeleteRecord(principal, object, "restore", row);
  if (!row.deletedAt) throw recordNotInTrash(object.namePlural, id);
  const restored = await tx.record.update({ where: { id: row.id }, data: { deletedAt: null } });
  const after = toVisibleRecord(principal, object, restored);
  await auditRecordChange(tx, principal, "record.restored", object, restored, { before: toVisibleRecord(principal, object, row), after });
  return after;
}
