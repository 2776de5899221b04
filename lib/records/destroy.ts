import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertCanDelete, assertMayDeleteRecord, resolveVisibleObject } from "./access";
import { auditRecordChange } from "./audit";
import { requireRecordRow } from "./record-row";
import { toVisibleRecord, type VisibleRecord } from "./serialize";

/**
 * Deletes a record for good (needs `destroy`), whether live or in the trash. Returns the last
 * state the principal could see. Relations pointing at it are left as they are (ids, no FK).
 */
export async function destroyRecord(tx: Tx, principal: Principal, objectName: string, id: string): Promise<VisibleRecord> {
  const object = await resolveVisibleObject(tx, principal, objectName);
  assertCanDelete(principal, object, "destroy");
  const row = await requireRecordRow(tx, principal, object, id, { forWrite: true });
  assertMayDeleteRecord(principal, object, "destroy", row);
  await tx.record.delete({ where: { id: row.id } });
  const before = toVisibleRecord(principal, object, row);
  await auditRecordChange(tx, principal, "record.destroyed", object, row, { before });
  return before;
}
