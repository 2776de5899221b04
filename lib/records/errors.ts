/**
 * The records domain's refusals, as DomainErrors whose params name the object and field, so
 * every channel (REST, agent tools, UI) can say exactly what was refused. `reason` tells the
 * channel which sentence to use; `object` is the REST name (`people`) clients know.
 */
import { DomainError, type ErrorReason } from "@/lib/errors";
import type { DeleteErrorCode, WriteErrorCode } from "@/lib/permissions";

export type ForbiddenReason =
  | DeleteErrorCode
  | Exclude<WriteErrorCode, "UNKNOWN_FIELD">
  | "RELATION_TARGET_NOT_VISIBLE"
  /** The record a write would produce falls outside the role's record-level rule (SPEC §13). */
  | "RECORD_RULE";

/** Names can come straight from a URL: keep what is echoed back short. */
function echo(name: string) {
  return name.length > 100 ? `${name.slice(0, 100)}…` : name;
}

/** An unknown object answers exactly like a hidden one, so probing cannot tell them apart. */
export function objectNotVisible(objectName: string) {
  return new DomainError("FORBIDDEN", { params: { object: echo(objectName), reason: "OBJECT_NOT_VISIBLE" } });
}

export function objectForbidden(objectName: string, reason: ForbiddenReason) {
  return new DomainError("FORBIDDEN", { params: { object: objectName, reason } });
}

export function fieldForbidden(objectName: string, field: string, reason: ForbiddenReason) {
  return new DomainError("FORBIDDEN", { field, params: { object: objectName, field, reason } });
}

export function unknownField(objectName: string, field: string) {
  return new DomainError("UNKNOWN_FIELD", { field: echo(field), params: { object: objectName, field: echo(field) } });
}

/**
 * `field` may be a record field or an input of the request (`limit`, `cursor`, `filter` …); the
 * reason and params are what the catalogs' sentence needs.
 */
export function invalidInput(field: string | undefined, reason: ErrorReason, params: Record<string, string | number> = {}) {
  return new DomainError("VALIDATION_FAILED", { ...(field === undefined ? {} : { field: echo(field) }), params: { ...params, reason } });
}

export function recordNotFound(objectName: string, id: string) {
  return new DomainError("NOT_FOUND", { params: { object: objectName, id: echo(id) } });
}

export function recordInTrash(objectName: string, id: string) {
  return new DomainError("RECORD_IN_TRASH", { params: { object: objectName, id } });
}

export function recordNotInTrash(objectName: string, id: string) {
  return new DomainError("RECORD_NOT_IN_TRASH", { params: { object: objectName, id } });
}
