import { DomainError, type ErrorReason } from "@/lib/errors";
import type { ActionPermission } from "@/lib/permissions";

/** A workspace action (SPEC §2.6) the principal's role does not grant. */
export function actionForbidden(action: ActionPermission) {
  return new DomainError("FORBIDDEN", { params: { reason: "ACTION_NOT_ALLOWED", action } });
}

/** Same answer as lib/records for an unknown or hidden object, so probing tells them apart no better. */
export function objectHidden(objectName: string) {
  return new DomainError("FORBIDDEN", { params: { object: objectName.slice(0, 100), reason: "OBJECT_NOT_VISIBLE" } });
}

/** A refusal of the whole file (too large, empty …), not of a row. */
export function fileRejected(reason: ErrorReason, params: Record<string, string | number> = {}) {
  return new DomainError("VALIDATION_FAILED", { params: { reason, ...params } });
}
