import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { writeAudit, type AuditAction } from "@/lib/audit/log";
import type { RecordObject } from "./objects";
import { recordLabel, type RecordRow, type VisibleRecord } from "./serialize";

/**
 * One audit entry per record write, inside the write's transaction. Snapshots are the masked
 * records: the log must not become a way to read what the acting principal could not.
 */
export function auditRecordChange(
  tx: Tx,
  principal: Principal,
  action: Extract<AuditAction, `record.${string}`>,
  object: RecordObject,
  row: RecordRow,
  snapshots: { before?: VisibleRecord; after?: VisibleRecord },
) {
  return writeAudit(tx, principal, {
    action,
    targetType: object.nameSingular,
    targetId: row.id,
    targetLabel: recordLabel(object, row),
    ...snapshots,
  });
}
