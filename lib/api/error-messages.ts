/**
 * English sentences for API clients and agents. They name the object and field a refusal is about
 * (SPEC §9) and come from the English catalog (`apiErrors` in messages/en.json, next to the
 * sentences the UI shows people), filled with the error's code, reason and params only, never
 * with an exception's text.
 */
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { DomainError, ErrorCode } from "@/lib/errors";

type Values = Record<string, string>;

const translateApi = createTranslator({ locale: "en", messages: en, namespace: "apiErrors" }) as unknown as (key: string, values?: Values) => string;
const translateError = createTranslator({ locale: "en", messages: en, namespace: "errors" });

/** Params as text: a number is written as it is (`1048576`, not `1,048,576`). */
function textValues(params: Readonly<Record<string, string | number>>): Values {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
}

/** `apiErrors.<code>.<reason>` when the catalog has it. */
function byReason(code: "UNAUTHENTICATED" | "FORBIDDEN" | "VALIDATION_FAILED", reason: unknown, values: Values): string | null {
  const sentences: Record<string, string> = en.apiErrors[code];
  if (typeof reason !== "string" || !(reason in sentences)) return null;
  return translateApi(`${code}.${reason}`, values);
}

function catalog(code: ErrorCode, values: Readonly<Record<string, string | number>> = {}): string {
  return code in en.errors ? translateError(code as keyof typeof en.errors, values) : en.errors.INTERNAL;
}

/** One sentence of the `apiErrors` catalog that no DomainError carries (e.g. an unknown agent). */
export function apiMessage(key: Exclude<keyof typeof en.apiErrors, "UNAUTHENTICATED" | "FORBIDDEN" | "VALIDATION_FAILED">, values: Values): string {
  return translateApi(key, values);
}

export function apiErrorMessage(error: DomainError): string {
  const params = error.details.params ?? {};
  const values = textValues(params);
  switch (error.code) {
    case "UNAUTHENTICATED":
      return byReason("UNAUTHENTICATED", params.reason, values) ?? en.apiErrors.UNAUTHENTICATED.INVALID_KEY;
    case "FORBIDDEN":
      return byReason("FORBIDDEN", params.reason, values) ?? en.errors.FORBIDDEN;
    case "NOT_FOUND":
      return params.id !== undefined ? translateApi("RECORD_NOT_FOUND", values) : catalog("NOT_FOUND");
    case "UNKNOWN_FIELD":
      return translateApi("UNKNOWN_FIELD", values);
    case "VALIDATION_FAILED":
      // The field a sentence names is the error's field unless its params name one.
      return byReason("VALIDATION_FAILED", params.reason, { field: error.details.field ?? "", ...values }) ?? catalog("VALIDATION_FAILED");
    case "RECORD_IN_TRASH":
      return translateApi("RECORD_IN_TRASH", values);
    case "RECORD_NOT_IN_TRASH":
      return translateApi("RECORD_NOT_IN_TRASH", values);
    case "INVALID_JSON":
      return typeof params.detail === "string" ? params.detail : catalog("INVALID_JSON");
    case "PAYLOAD_TOO_LARGE":
      return translateApi("PAYLOAD_TOO_LARGE", values);
    case "RATE_LIMITED":
      return translateApi("RATE_LIMITED", values);
    default:
      return catalog(error.code, params);
  }
}
