/**
 * The records domain's only door to the permission engine. Every decision is the engine's
 * (`can`, `checkWrite`, `checkDelete`); this module only turns a refusal into a DomainError
 * naming the object or field.
 */
import type { Tx } from "@/lib/db/prisma";
import { recordPrincipalOf, type Principal } from "@/lib/access/principal";
import {
  can,
  checkDelete,
  checkRecordWrite,
  checkWrite,
  mayDeleteRecord,
  smallestGrant,
  uniformlyVisibleFields,
  evaluatePredicate,
  recordRulePredicate,
  type DeleteOperation,
  type ObjectAction,
  type RecordPredicate,
  type RecordRule,
  type ShareReach,
  type WriteMode,
} from "@/lib/permissions";
import { DomainError } from "@/lib/errors";
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

/** With several grants, only a field every grant shows is visible on every record it reaches (docs/reference.md §17). */
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

/**
 * A refusal of an object the principal sees, with what would allow it (docs/reference.md §18): the engine's
 * smallest grant, named with the object's REST name and labels. A hidden object's refusal never
 * carries one: it answers exactly like an unknown object.
 */
function withNeeds(error: DomainError, principal: Principal, object: RecordObject, action: ObjectAction, field?: string, row?: RecordRow): DomainError {
  const grant = smallestGrant(principal.permissions, {
    kind: "object",
    action,
    object: object.nameSingular,
    ...(field === undefined ? {} : { field }),
    ...(row ? { record: toFullRecord(object, row), principal: { memberId: memberIdOf(principal) } } : {}),
  });
  if (!grant || (grant.item.kind !== "object" && grant.item.kind !== "field")) return error;
  const item = grant.item;
  const fieldName = item.kind === "field" ? item.field : undefined;
  return new DomainError(error.code, {
    ...error.details,
    needs: {
      permission: { kind: item.kind, action: item.action, object: object.namePlural, ...(fieldName ? { field: fieldName } : {}) },
      labels: { object: object.labelPlural, ...(fieldName ? { field: object.fieldsByName.get(fieldName)?.label ?? fieldName } : {}) },
    },
  });
}

export function assertCanWrite(principal: Principal, object: RecordObject, values: Readonly<Record<string, unknown>>, mode: WriteMode) {
  const check = checkWrite(principal.permissions, object.nameSingular, values, mode);
  if (check.ok) return;
  if (check.code === "UNKNOWN_FIELD") throw unknownField(object.namePlural, check.field ?? "");
  const action = mode === "create" ? "create" : "edit";
  if (check.field !== undefined) throw withNeeds(fieldForbidden(object.namePlural, check.field, check.code), principal, object, action, check.field);
  throw check.code === "OBJECT_NOT_VISIBLE" ? objectNotVisible(object.namePlural) : withNeeds(objectForbidden(object.namePlural, check.code), principal, object, action);
}

export function assertCanDelete(principal: Principal, object: RecordObject, operation: DeleteOperation) {
  const check = checkDelete(principal.permissions, object.nameSingular, operation);
  if (check.ok) return;
  throw check.code === "OBJECT_NOT_VISIBLE" ? objectNotVisible(object.namePlural) : withNeeds(objectForbidden(object.namePlural, check.code), principal, object, operation === "destroy" ? "destroy" : "delete");
}

/** Relations are only written towards objects the principal can see: an id check would otherwise probe them. */
export function canSeeObject(principal: Principal, objectName: string): boolean {
  return can(principal.permissions, "see", objectName);
}

/** The member behind the principal, for `Me` in record-level rules; keys and agents have none. */
export function memberIdOf(principal: Principal): string | null {
  return principal.kind === "member" ? principal.id : null;
}

/** The principal's record-level rule on `object` (docs/reference.md §13): "all records" unless a rule limits them. */
export function recordRuleOf(principal: Principal, object: RecordObject): RecordRule | null {
  return principal.permissions.objects[object.nameSingular]?.records?.rule ?? null;
}

/**
 * The engine's predicate for the records the principal reaches, for SQL (lists) and memory (one
 * row). `reach`: which shares count (docs/reference.md §19) — any for reading, `Can edit` ones for writing,
 * none for deleting.
 */
export function recordScope(principal: Principal, object: RecordObject, reach: ShareReach = "view"): { predicate: RecordPredicate; fields: ReadonlyMap<string, RecordField> } {
  return { predicate: recordRulePredicate(recordRuleOf(principal, object), recordPrincipalOf(principal), reach), fields: object.fieldsByName };
}

/** Is the row inside the principal's record-level rule? Evaluated by the engine on the stored values. */
export function withinRecordRule(principal: Principal, object: RecordObject, row: RecordRow, reach: ShareReach = "view"): boolean {
  const { predicate } = recordScope(principal, object, reach);
  return predicate.kind === "const" ? predicate.value : evaluatePredicate(predicate, toFullRecord(object, row));
}

/**
 * With several grants (docs/reference.md §17), what a principal may write depends on the record: each field
 * needs a grant that reaches the record and may write it. One grant: nothing more to ask (its
 * rule is the record-level rule every read and write already applies).
 */
export function assertMayWriteRecord(principal: Principal, object: RecordObject, values: Readonly<Record<string, unknown>>, mode: WriteMode, row: RecordRow) {
  // A record read through a `Can view` share only (docs/reference.md §19) is not the principal's to change.
  if (mode === "update" && !withinRecordRule(principal, object, row, "edit")) throw objectForbidden(object.namePlural, "RECORD_RULE");
  if (!principal.permissions.grants) return;
  const check = checkRecordWrite(principal.permissions, object.nameSingular, values, mode, toFullRecord(object, row), recordPrincipalOf(principal));
  if (check.ok) return;
  const action = mode === "create" ? "create" : "edit";
  throw check.code === "RECORD_RULE"
    ? withNeeds(objectForbidden(object.namePlural, "RECORD_RULE"), principal, object, action, undefined, row)
    : withNeeds(fieldForbidden(object.namePlural, check.field, "FIELD_READ_ONLY"), principal, object, action, check.field, row);
}

/** Deleting, restoring or destroying a record, with several grants: one that may do it must reach the record. */
export function assertMayDeleteRecord(principal: Principal, object: RecordObject, operation: DeleteOperation, row: RecordRow) {
  // Shares give view or edit, never delete, restore or destroy (docs/reference.md §19).
  if (!withinRecordRule(principal, object, row, "none")) throw objectForbidden(object.namePlural, "RECORD_RULE");
  if (!principal.permissions.grants) return;
  const action = operation === "destroy" ? "destroy" : "delete";
  if (!mayDeleteRecord(principal.permissions, object.nameSingular, action, toFullRecord(object, row), recordPrincipalOf(principal))) {
    throw withNeeds(objectForbidden(object.namePlural, "RECORD_RULE"), principal, object, action, undefined, row);
  }
}

/** A write whose result would leave the principal's records is refused (it could never be seen again). */
export function assertWithinRecordRule(principal: Principal, object: RecordObject, row: RecordRow) {
  if (!withinRecordRule(principal, object, row, "edit")) throw objectForbidden(object.namePlural, "RECORD_RULE");
}
