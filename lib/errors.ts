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
  "TEMPORARY_PASSWORD_EXPIRED",
  // too many failed sign-ins or API-key lookups from one address (SPEC §12, §16)
  "ADDRESS_THROTTLED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why an error was raised, when its code alone does not say (`params.reason`): the closed list
 * the catalogs translate (`records.errors.<reason>` for people, `apiErrors.<code>.<reason>` for
 * API clients). A reason outside this list does not type-check.
 */
export const ERROR_REASONS = [
  // UNAUTHENTICATED (REST API keys)
  "MISSING_KEY",
  "MALFORMED_AUTHORIZATION",
  "INVALID_KEY",
  "REVOKED_KEY",
  "EXPIRED_KEY",
  // FORBIDDEN: the engine's refusals (checkWrite, checkDelete) and the channels' own
  "OBJECT_NOT_VISIBLE",
  "OBJECT_NOT_CREATABLE",
  "OBJECT_NOT_EDITABLE",
  "OBJECT_NOT_DELETABLE",
  "OBJECT_NOT_DESTROYABLE",
  "FIELD_NOT_VISIBLE",
  "FIELD_READ_ONLY",
  "RELATION_TARGET_NOT_VISIBLE",
  "RECORD_RULE",
  "SETTING_REQUIRED",
  "ACTION_NOT_ALLOWED",
  // VALIDATION_FAILED: request input (zod, list syntax, record bodies, agent tools)
  "INVALID_INPUT",
  "INVALID_PARAMETER",
  "UNEXPECTED_PARAMETER",
  "INVALID_VALUE",
  "REQUIRED",
  "BODY_NOT_OBJECT",
  "NOT_A_MEMBER",
  "NO_RELATION_TARGET",
  "RELATION_MISSING",
  "LIMIT_RANGE",
  "SEARCH_TOO_LONG",
  "FILTER_SYNTAX",
  "FILTER_UNKNOWN_OPERATOR",
  "ORDER_BY_SYNTAX",
  "FILTER_NUMBER",
  "FILTER_BOOLEAN",
  "FILTER_DATE",
  "FILTER_DATE_TIME",
  "FILTER_OPERATOR_TYPE",
  "FILTER_IS_VALUE",
  "FILTER_LIKE_EMPTY",
  "FILTER_TOO_MANY_VALUES",
  "TOO_MANY_FILTERS",
  "CURSOR_INVALID",
  "CURSOR_OTHER_SORT",
  "UNKNOWN_TOOL",
  // VALIDATION_FAILED: CSV import (lib/csv)
  "UNKNOWN_COLUMN",
  "DUPLICATE_COLUMN",
  "MISSING_COLUMN",
  "RELATION_NOT_FOUND",
  "RELATION_AMBIGUOUS",
  "CSV_SYNTAX",
  "TOO_MANY_CELLS",
  "FILE_REQUIRED",
  "FILE_TOO_LARGE",
  "EMPTY_FILE",
  "TOO_MANY_ROWS",
  "MORE_PROBLEMS",
  // VALIDATION_FAILED: e-mail (lib/email)
  "NO_EMAIL_FIELD",
  "NO_ADDRESS",
  "SUBJECT_INVALID",
  "BODY_INVALID",
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

/** What an error names (object, field, limit …); only strings and numbers cross to a client. */
export type ErrorParams = Readonly<Record<string, string | number>> & { readonly reason?: ErrorReason };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: { field?: string; params?: ErrorParams; all?: ActionError[] } = {},
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
  params?: ErrorParams;
}

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; errors: ActionError[] };

/** Turns anything thrown into codes the UI can translate; unknown errors are logged, not leaked. */
export function toActionErrors(error: unknown): ActionError[] {
  if (isDomainError(error)) return error.details.all ?? [{ code: error.code, field: error.details.field, params: error.details.params }];
  console.error(error);
  return [{ code: "INTERNAL" }];
}
