import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { resolveVisibleObject } from "./access";
import { requireRecordRow } from "./record-row";
import { toVisibleRecord, type VisibleRecord } from "./serialize";

/** One record, live or trashed (`deletedAt` tells which), as the principal may see it. */
export async function getRecord(db: Tx, principal: Principal, objectName: string, id: string): Promise<VisibleRecord> {
  const object = await resolveVisibleObject(db, principal, objectName);
  return toVisibleRecord(principal, object, await requireRecordRow(db, principal, object, id));
}
