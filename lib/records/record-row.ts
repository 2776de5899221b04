import type { Tx } from "@/lib/db";
import type { Principal } from "@/lib/access/principal";
import { recordNotFound } from "./errors";
import type { RecordObject } from "./objects";
import type { RecordRow } from "./serialize";

/** A record of `object` in the principal's workspace, live or trashed; NOT_FOUND otherwise. */
export async function requireRecordRow(db: Tx, principal: Principal, object: RecordObject, id: string): Promise<RecordRow> {
  const row = await db.record.findFirst({
    where: { id, workspaceId: principal.workspaceId, objectMetadataId: object.id },
    select: { id: true, data: true, createdAt: true, updatedAt: true, deletedAt: true },
  });
  if (!row) throw recordNotFound(object.namePlural, id);
  return row;
}
