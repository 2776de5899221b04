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
 * `forWrite`: the caller's transaction is about to change it from what it read here, so the row
 * stays locked until that transaction ends (PostgreSQL; SQLite's transactions hold the file): two
 * patches of one record apply one after the other, neither losing the other's fields, while
 * writes of other records go on beside them.
 */
export async function requireRecordRow(db: Tx, principal: Principal, object: RecordObject, id: string, options: { forWrite?: boolean } = {}): Promise<RecordRow> {
  const d = dialectOf(db);
  const [raw] = await queryRows<RawRecordRow>(
    db,
    d.placeholders(`SELECT ${RECORD_ROW_COLUMNS} FROM "Record" WHERE "id" = ? AND "workspaceId" = ? AND "objectMetadataId" = ?${options.forWrite ? d.lockRowForWrite : ""}`),
    [id, principal.workspaceId, object.id],
  );
  const row = raw && toRecordRow(raw);
  if (!row || !withinRecordRule(principal, object, row)) throw recordNotFound(object.namePlural, id);
  return row;
}

/** The stored rows of `ids` of one object (live or trashed), by id, unchecked: for channels that judge them with the reader's sight. */
export async function findRecordRows(db: Tx, workspaceId: string, object: RecordObject, ids: readonly string[]): Promise<Map<string, RecordRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<RawRecordRow>(
    db,
    dialectOf(db).placeholders(`SELECT ${RECORD_ROW_COLUMNS} FROM "Record" WHERE "workspaceId" = ? AND "objectMetadataId" = ? AND "id" IN (${ids.map(() => "?").join(", ")})`),
    [workspaceId, object.id, ...ids],
  );
  return new Map(rows.map((raw) => [raw.id, toRecordRow(raw)]));
}
