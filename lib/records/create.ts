import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertMayWriteRecord, assertWithinRecordRule, resolveVisibleObject } from "./access";
import { auditRecordChange } from "./audit";
import type { RecordObject } from "./objects";
import { toVisibleRecord, type RecordData, type VisibleRecord } from "./serialize";
import { validateRecordInput } from "./write-input";

/** Empty fields are stored absent, so "no value" has one representation. */
function withoutNulls(values: RecordData): RecordData {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * Creates a record of `objectName` in the caller's transaction (the caller opens it: one row of
 * a CSV import joins the import's transaction), with its audit entry.
 */
export async function createRecord(tx: Tx, principal: Principal, objectName: string, input: unknown): Promise<VisibleRecord> {
  return createRecordOf(tx, principal, await resolveVisibleObject(tx, principal, objectName), input);
}

/** The same use case for an object the caller already resolved (and the principal may see). */
export async function createRecordOf(tx: Tx, principal: Principal, object: RecordObject, input: unknown): Promise<VisibleRecord> {
  // "create" mode asks the engine for create (SPEC §13: not edit) and for each given field.
  const values = await validateRecordInput(tx, principal, object, input, "create");
  const data = JSON.stringify(withoutNulls(values));
  // A role limited to its own records creates only records it will reach (e.g. Owner = Me).
  const now = new Date();
  const draft = { id: "", data, createdAt: now, updatedAt: now, deletedAt: null };
  assertWithinRecordRule(principal, object, draft);
  assertMayWriteRecord(principal, object, values, "create", draft);
  const row = await tx.record.create({ data: { workspaceId: principal.workspaceId, objectMetadataId: object.id, data } });
  const after = toVisibleRecord(principal, object, row);
  await auditRecordChange(tx, principal, "record.created", object, row, { after });
  return after;
}
