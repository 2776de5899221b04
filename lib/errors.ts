/**
 * Typed domain errors. Only a code (and optional field / params) crosses to the browser;
 * the message is looked up in the translation catalog under `errors.<code>`, so no raw
 * exception text ever reaches a user.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION_FAILED",
  "ROLE_NAME_REQUIRED",
  "ROLE_NAME_TOO_LONG",
  "ROLE_NAME_TAKEN",
  "EDIT_WITHOUT_SEE",
  "FIELD_VISIBLE_ON_HIDDEN_OBJECT",
  "FIELD_NOT_RESTRICTABLE",
  "UNKNOWN_OBJECT",
  "UNKNOWN_FIELD",
  "DUPLICATE_RULE",
  "UNKNOWN_SETTING",
  "UNKNOWN_ACTION",
  "ADMIN_NOT_ASSIGNABLE_TO_AGENT",
  // record-level rules (SPEC §13)
  "RECORD_RULE_INVALID",
  "RECORD_RULE_FIELD_NOT_VISIBLE",
  "RECORD_RULE_OPERATOR",
  "RECORD_RULE_VALUE",
  "RECORD_RULE_ME",
  "ADMIN_NOT_EDITABLE",
  "ADMIN_NOT_DELETABLE",
  "DEFAULT_ROLE_NOT_DELETABLE",
  "LAST_ADMIN",
  "OWN_ROLE",
  "ROLE_NOT_ASSIGNABLE",
  "VERSION_CONFLICT",
  // guardrails (SPEC §14): params name the statement (role, mode and a permission, as permissions.name)
  "GUARDRAIL_BROKEN",
  // delegated administration (SPEC §11)
  "EXCEEDS_AUTHORITY",
  "ADMIN_ONLY",
  "OWN_ROLES_ACCESS",
  "VIEW_AS_READ_ONLY",
  "INTERNAL",
  // REST API and records (lib/records, lib/api)
  "RECORD_IN_TRASH",
  "RECORD_NOT_IN_TRASH",
  "INVALID_JSON",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  // settings pages (members, data model)
  "EMAIL_TAKEN",
  "CANNOT_REMOVE_SELF",
  "FIELD_NAME_TAKEN",
  "FIELD_NAME_RESERVED",
  // accounts and sessions (lib/auth, lib/account, lib/setup)
  "SIGN_IN_THROTTLED",
  "WRONG_CURRENT_PASSWORD",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_WEAK",
  "PASSWORD_UNCHANGED",
  "PASSWORD_CHANGE_REQUIRED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: { field?: string; params?: Record<string, string | number>; all?: ActionError[] } = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

/** Several problems found at once (e.g. every invalid switch of a role), reported together. */
export function domainErrors(errors: ActionError[]): DomainError {
  return new DomainError(errors[0].code, { field: errors[0].field, params: errors[0].params, all: errors });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** What a server action returns to a form: a code per field, plus one for the whole form. */
export interface ActionError {
  code: ErrorCode;
  field?: string;
  params?: Record<string, string | number>;
}

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; errors: ActionError[] };

/** Turns anything thrown into codes the UI can translate; unknown errors are logged, not leaked. */
export function toActionErrors(error: unknown): ActionError[] {
  if (isDomainError(error)) return error.details.all ?? [{ code: error.code, field: error.details.field, params: error.details.params }];
  console.error(error);
  return [{ code: "INTERNAL" }];
}
