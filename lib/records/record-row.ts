import type { Tx } from "@/lib/db";
import type { Principal } from "@/lib/access/principal";
import { withinRecordRule } from "./access";
import { recordNotFound } from "./errors";
import type { RecordObject } from "./objects";
import type { RecordRow } from "./serialize";

/**
 * A record of `object` in the principal's workspace, live or trashed, inside the principal's
 * record-level rule; NOT_FOUND otherwise (a record outside the rule does not exist for the role).
 */
export async function requireRecordRow(db: Tx, principal: Principal, object: RecordObject, id: string): Promise<RecordRow> {
  const row = await db.record.findFirst({
    where: { id, workspaceId: principal.workspaceId, objectMetadataId: object.id },
    select: { id: true, data: true, createdAt: true, updatedAt: true, deletedAt: true },
  });
  if (!row || !withinRecordRule(principal, object, row)) throw recordNotFound(object.namePlural, id);
  return row;
}
