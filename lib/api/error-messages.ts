/**
 * English sentences for API clients. They name the object and field a refusal is about (SPEC §9)
 * and are built only from the error's code and params, never from an exception's text.
 */
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { DomainError, ErrorCode } from "@/lib/errors";

type Params = Readonly<Record<string, string | number>>;

const UNAUTHENTICATED: Record<string, string> = {
  MISSING_KEY: "An API key is required: send Authorization: Bearer <key>.",
  MALFORMED_AUTHORIZATION: "The Authorization header must read Bearer <key>.",
  INVALID_KEY: "This API key is not valid.",
  REVOKED_KEY: "This API key was revoked.",
  EXPIRED_KEY: "This API key has expired.",
};

function forbidden(params: Params): string {
  const object = `"${params.object}"`;
  const field = `"${params.field}"`;
  switch (params.reason) {
    case "OBJECT_NOT_VISIBLE":
      return `The object ${object} does not exist or your role cannot see it.`;
    case "OBJECT_NOT_CREATABLE":
      return `Your role cannot create records of ${object}.`;
    case "OBJECT_NOT_EDITABLE":
      return `Your role cannot edit records of ${object}.`;
    case "OBJECT_NOT_DELETABLE":
      return `Your role cannot delete or restore records of ${object}.`;
    case "OBJECT_NOT_DESTROYABLE":
      return `Your role cannot permanently destroy records of ${object}.`;
    case "FIELD_NOT_VISIBLE":
      return `Your role cannot see the field ${field} of ${object}.`;
    case "FIELD_READ_ONLY":
      return `The field ${field} of ${object} is read-only for your role.`;
    case "SETTING_REQUIRED":
      return `Your role needs the ${params.setting} settings permission.`;
    case "RELATION_TARGET_NOT_VISIBLE":
      return `Your role cannot see the records that the field ${field} of ${object} points to.`;
    case "RECORD_RULE":
      return `The record would fall outside the records of ${object} your role reaches (its record-level rule).`;
    default:
      return en.errors.FORBIDDEN;
  }
}

const translateError = createTranslator({ locale: "en", messages: en, namespace: "errors" });

function catalog(code: ErrorCode, params: Params = {}): string {
  return code in en.errors ? translateError(code as keyof typeof en.errors, params) : en.errors.INTERNAL;
}

export function apiErrorMessage(error: DomainError): string {
  const params: Params = error.details.params ?? {};
  switch (error.code) {
    case "UNAUTHENTICATED":
      return UNAUTHENTICATED[String(params.reason)] ?? UNAUTHENTICATED.INVALID_KEY;
    case "FORBIDDEN":
      return forbidden(params);
    case "NOT_FOUND":
      return params.id !== undefined ? `There is no record "${params.id}" in "${params.object}".` : catalog("NOT_FOUND");
    case "UNKNOWN_FIELD":
      return `"${params.field}" is not a field of "${params.object}".`;
    case "VALIDATION_FAILED":
      return typeof params.message === "string" ? params.message : catalog("VALIDATION_FAILED");
    case "RECORD_IN_TRASH":
      return `The record "${params.id}" of "${params.object}" is in the trash: restore it first.`;
    case "RECORD_NOT_IN_TRASH":
      return `The record "${params.id}" of "${params.object}" is not in the trash.`;
    case "INVALID_JSON":
      return typeof params.detail === "string" ? params.detail : catalog("INVALID_JSON");
    case "PAYLOAD_TOO_LARGE":
      return `The request body exceeds the limit of ${params.limit} bytes.`;
    case "RATE_LIMITED":
      return `Too many requests for this API key: at most ${params.limit} per minute. Retry in ${params.retryAfter} s.`;
    default:
      return catalog(error.code, params);
  }
}
