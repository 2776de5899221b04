import type { Tx } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/hot-path";
import { dialectOf } from "@/lib/db/sql-dialect";
import type { Principal } from "@/lib/access/principal";
import { withinRecordRule } from "./access";
import { recordNotFound } from "./errors";
import type { RecordObject } from "./objects";
import type { RecordRow } from "./serialize";
import { RECORD_ROW_COLUMNS, toRecordRow, type RawRecordRow } from "./sql";

/**
 * A record of `object` in the principal's workspace, live or trashed, inside the principal's
 * record-level rule; NOT_FOUND otherwise (a record outside the rule does not exist for the role).
 */
export async function requireRecordRow(db: Tx, principal: Principal, object: RecordObject, id: string): Promise<RecordRow> {
  const [raw] = await queryRows<RawRecordRow>(
    db,
    dialectOf(db).placeholders(`SELECT ${RECORD_ROW_COLUMNS} FROM "Record" WHERE "id" = ? AND "workspaceId" = ? AND "objectMetadataId" = ?`),
    [id, principal.workspaceId, object.id],
  );
  const row = raw && toRecordRow(raw);
  if (!row || !withinRecordRule(principal, object, row)) throw recordNotFound(object.namePlural, id);
  return row;
}
