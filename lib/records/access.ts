/**
 * The records domain's only door to the permission engine. Every decision is the engine's
 * (`can`, `checkWrite`, `checkDelete`); this module only turns a refusal into a DomainError
 * naming the object or field.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import {
  can,
  checkDelete,
  checkRecordWrite,
  checkWrite,
  mayDeleteRecord,
  uniformlyVisibleFields,
  evaluatePredicate,
  recordRulePredicate,
  type DeleteOperation,
  type RecordPredicate,
  type RecordRule,
  type WriteMode,
} from "@/lib/permissions";
import { fieldForbidden, objectForbidden, objectNotVisible, unknownField } from "./errors";
import { findRecordObject, type RecordField, type RecordObject } from "./objects";
import { toFullRecord, type RecordRow } from "./serialize";

/** The object named `name` (REST or engine name) if the principal may see it. */
export async function resolveVisibleObject(db: Tx, principal: Principal, name: string): Promise<RecordObject> {
  const object = await findRecordObject(db, principal.workspaceId, name, principal.metadataVersion);
  if (!object || !can(principal.permissions, "see", object.nameSingular)) throw objectNotVisible(object?.namePlural ?? name);
  return object;
}

/**
 * A field the principal may read, for filtering, sorting or searching on it: using a hidden
 * field there would leak its values through which records match, or in which order.
 */
export function requireVisibleField(principal: Principal, object: RecordObject, name: string): RecordField {
  const field = object.fieldsByName.get(name);
  if (!field) throw unknownField(object.namePlural, name);
  if (!can(principal.permissions, "see", object.nameSingular, field.name) || !visibleOnEveryRecord(principal, object, field.name)) {
    throw fieldForbidden(object.namePlural, field.name, "FIELD_NOT_VISIBLE");
  }
  return field;
}

/** With several grants, only a field every grant shows is visible on every record it reaches (SPEC §17). */
function visibleOnEveryRecord(principal: Principal, object: RecordObject, field: string): boolean {
  return !principal.permissions.grants || uniformlyVisibleFields(principal.permissions, object.nameSingular).includes(field);
}

/** The fields the principal may match on (filter, sort, search): visible on every record it reaches. */
export function matchableFieldsOf(principal: Principal, object: RecordObject): RecordField[] {
  return visibleFieldsOf(principal, object).filter((field) => visibleOnEveryRecord(principal, object, field.name));
}

/** The fields the principal may see, in display order. */
export function visibleFieldsOf(principal: Principal, object: RecordObject): RecordField[] {
  return object.fields.filter((field) => can(principal.permissions, "see", object.nameSingular, field.name));
}

/** The fields the principal may give a value when it creates a record, in display order. */
export function creatableFieldsOf(principal: Principal, object: RecordObject): RecordField[] {
  return object.fields.filter((field) => can(principal.permissions, "create", object.nameSingular, field.name));
}

/** The fields the principal may write, in display order (system fields never are). */
export function editableFieldsOf(principal: Principal, object: RecordObject): RecordField[] {
  return object.fields.filter((field) => can(principal.permissions, "edit", object.nameSingular, field.name));
}

export function assertCanWrite(principal: Principal, object: RecordObject, values: Readonly<Record<string, unknown>>, mode: WriteMode) {
  const check = checkWrite(principal.permissions, object.nameSingular, values, mode);
  if (check.ok) return;
  if (check.code === "UNKNOWN_FIELD") throw unknownField(object.namePlural, check.field ?? "");
  if (check.field !== undefined) throw fieldForbidden(object.namePlural, check.field, check.code);
  throw check.code === "OBJECT_NOT_VISIBLE" ? objectNotVisible(object.namePlural) : objectForbidden(object.namePlural, check.code);
}

export function assertCanDelete(principal: Principal, object: RecordObject, operation: DeleteOperation) {
  const check = checkDelete(principal.permissions, object.nameSingular, operation);
  if (check.ok) return;
  throw check.code === "OBJECT_NOT_VISIBLE" ? objectNotVisible(object.namePlural) : objectForbidden(object.namePlural, check.code);
}

/** Relations are only written towards objects the principal can see: an id check would otherwise probe them. */
export function canSeeObject(principal: Principal, objectName: string): boolean {
  return can(principal.permissions, "see", objectName);
}

/** The member behind the principal, for `Me` in record-level rules; keys and agents have none. */
export function memberIdOf(principal: Principal): string | null {
  return principal.kind === "member" ? principal.id : null;
}

/** The principal's record-level rule on `object` (SPEC §13): "all records" unless a rule limits them. */
export function recordRuleOf(principal: Principal, object: RecordObject): RecordRule | null {
  return principal.permissions.objects[object.nameSingular]?.records?.rule ?? null;
}

/** The engine's predicate for the records the principal reaches, for SQL (lists) and memory (one row). */
export function recordScope(principal: Principal, object: RecordObject): { predicate: RecordPredicate; fields: ReadonlyMap<string, RecordField> } {
  return { predicate: recordRulePredicate(recordRuleOf(principal, object), { memberId: memberIdOf(principal) }), fields: object.fieldsByName };
}

/** Is the row inside the principal's record-level rule? Evaluated by the engine on the stored values. */
export function withinRecordRule(principal: Principal, object: RecordObject, row: RecordRow): boolean {
  const { predicate } = recordScope(principal, object);
  return predicate.kind === "const" ? predicate.value : evaluatePredicate(predicate, toFullRecord(object, row));
}

/**
 * With several grants (SPEC §17), what a principal may write depends on the record: each field
 * needs a grant that reaches the record and may write it. One grant: nothing more to ask (its
 * rule is the record-level rule every read and write already applies).
 */
export function assertMayWriteRecord(principal: Principal, object: RecordObject, values: Readonly<Record<string, unknown>>, mode: WriteMode, row: RecordRow) {
  if (!principal.permissions.grants) return;
  const check = checkRecordWrite(principal.permissions, object.nameSingular, values, mode, toFullRecord(object, row), { memberId: memberIdOf(principal) });
  if (check.ok) return;
  throw check.code === "RECORD_RULE" ? objectForbidden(object.namePlural, "RECORD_RULE") : fieldForbidden(object.namePlural, check.field, "FIELD_READ_ONLY");
}

/** Deleting, restoring or destroying a record, with several grants: one that may do it must reach the record. */
export function assertMayDeleteRecord(principal: Principal, object: RecordObject, operation: DeleteOperation, row: RecordRow) {
  if (!principal.permissions.grants) return;
  if (!mayDeleteRecord(principal.permissions, object.nameSingular, operation === "destroy" ? "destroy" : "delete", toFullRecord(object, row), { memberId: memberIdOf(principal) })) {
    throw objectForbidden(object.namePlural, "RECORD_RULE");
  }
}

/** A write whose result would leave the principal's records is refused (it could never be seen again). */
export function assertWithinRecordRule(principal: Principal, object: RecordObject, row: RecordRow) {
  if (!withinRecordRule(principal, object, row)) throw objectForbidden(object.namePlural, "RECORD_RULE");
}
