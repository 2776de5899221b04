/**
 * A create or update body, checked in the order that leaks least and explains most:
 * shape → permissions (engine's checkWrite: unknown, hidden or read-only fields are refused and
 * named, never dropped) → value types (zod, 422 naming the field) → relations exist.
 */
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Principal } from "@/lib/access/principal";
import { assertCanWrite, canSeeObject, creatableFieldsOf, editableFieldsOf, withinRecordRule } from "./access";
import { fieldForbidden, invalidInput } from "./errors";
import { findRecordObject, type RecordObject } from "./objects";
import type { RecordData } from "./serialize";
import { recordInputSchema } from "./values";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): { field?: string; message: string } {
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  if (field !== undefined && !Object.prototype.hasOwnProperty.call(input, field)) return { field, message: `${field} is required.` };
  return { field, message: field === undefined ? issue.message : `Invalid value for ${field}: ${issue.message}` };
}

async function assertRelationsExist(db: Tx, principal: Principal, object: RecordObject, values: RecordData) {
  for (const [name, value] of Object.entries(values)) {
    const field = object.fieldsByName.get(name);
    if (field?.type === "MEMBER" && value !== null && value !== undefined) {
      // Members are listed to every member of the workspace: checking an id reveals nothing more.
      const member = await db.workspaceMember.findFirst({ where: { id: String(value), workspaceId: principal.workspaceId }, select: { id: true } });
      if (!member) throw invalidInput(name, `${name} must be the id of a member of this workspace; "${String(value).slice(0, 100)}" is not.`);
      continue;
    }
    if (field?.type !== "RELATION" || value === null || value === undefined) continue;
    const targetName = field.relationTarget;
    if (!targetName) throw invalidInput(name, `${name} has no target object configured.`);
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
    if (!exists) throw invalidInput(name, `${name} must be the id of an existing ${targetName}; "${String(value).slice(0, 100)}" is not.`);
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
  if (!isPlainObject(input)) throw invalidInput(undefined, "The body must be a JSON object of field values.");
  assertCanWrite(principal, object, input, mode);
  const writable = mode === "create" ? creatableFieldsOf(principal, object) : editableFieldsOf(principal, object);
  const parsed = recordInputSchema(writable, mode).safeParse(input);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0], input);
    throw invalidInput(field, message);
  }
  const values = parsed.data as RecordData;
  await assertRelationsExist(db, principal, object, values);
  return values;
}
