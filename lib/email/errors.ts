import { DomainError, type ErrorReason } from "@/lib/errors";

export function sendEmailForbidden() {
  return new DomainError("FORBIDDEN", { params: { reason: "ACTION_NOT_ALLOWED", action: "SEND_EMAIL" } });
}

export function emailInvalid(field: string | undefined, reason: ErrorReason, params: Record<string, string | number> = {}) {
  return new DomainError("VALIDATION_FAILED", { ...(field === undefined ? {} : { field }), params: { reason, ...params } });
}
