/**
 * A create or update body, checked in the order that leaks least and explains most:
 * shape → permissions (engine's checkWrite: unknown, hidden or read-only fields are refused and
 * named, never dropped) → value types (zod, 422 naming the field) → relations exist.
 */
import { parseOrThrow } from "@/lib/validation";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertCanWrite, canSeeObject, creatableFieldsOf, editableFieldsOf, withinRecordRule } from "./access";
import { fieldForbidden, invalidInput } from "./errors";
import { findRecordObject, type RecordObject } from "./objects";
import type { RecordData } from "./serialize";
import { recordInputSchema } from "./values";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function assertRelationsExist(db: Tx, principal: Principal, object: RecordObject, values: RecordData) {
  for (const [name, value] of Object.entries(values)) {
    const field = object.fieldsByName.get(name);
    if (field?.type === "MEMBER" && value !== null && value !== undefined) {
      // Members are listed to every member of the workspace: checking an id reveals nothing more.
      const member = await db.workspaceMember.findFirst({ where: { id: String(value), workspaceId: principal.workspaceId }, select: { id: true } });
      if (!member) throw invalidInput(name, "NOT_A_MEMBER", { value: String(value).slice(0, 100) });
      continue;
    }
    if (field?.type !== "RELATION" || value === null || value === undefined) continue;
    const targetName = field.relationTarget;
    if (!targetName) throw invalidInput(name, "NO_RELATION_TARGET");
    // Checking an id of an object the principal cannot see would let it probe that object.
    if (!canSeeObject(principal, targetName)) throw fieldForbidden(object.namePlural, name, "RELATION_TARGET_NOT_VISIBLE");
    const target = await findRecordObject(db, principal.workspaceId, targetName);
    const targetRow =
      target === null
        ? null
        : await db.record.findFirst({
            where: { id: String(value), workspaceId: principal.workspaceId, objectMetadataId: target.id, deletedAt: null },
            select: { id: true, data: true, createdAt: true, updatedAt: true, deletedAt: true },
          });
    // A record outside the principal's record-level rule does not exist for it, as a relation target too.
    const exists = target !== null && targetRow !== null && withinRecordRule(principal, target, targetRow);
    if (!exists) throw invalidInput(name, "RELATION_MISSING", { target: targetName, value: String(value).slice(0, 100) });
  }
}

/** The validated values of a write: null means "clear this field". */
export async function validateRecordInput(
  db: Tx,
  principal: Principal,
  object: RecordObject,
  input: unknown,
  mode: "create" | "update",
): Promise<RecordData> {
  if (!isPlainObject(input)) throw invalidInput(undefined, "BODY_NOT_OBJECT");
  assertCanWrite(principal, object, input, mode);
  const writable = mode === "create" ? creatableFieldsOf(principal, object) : editableFieldsOf(principal, object);
  const values = parseOrThrow(recordInputSchema(writable, mode), input, "values") as RecordData;
  await assertRelationsExist(db, principal, object, values);
  return values;
}
