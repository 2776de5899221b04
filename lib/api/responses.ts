import { DomainError, isDomainError, type ErrorCode } from "@/lib/errors";
import { apiErrorMessage } from "./error-messages";

/** HTTP status per domain error; anything unlisted is a client error (400), never a 5xx. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_OBJECT: 404,
  RECORD_IN_TRASH: 409,
  RECORD_NOT_IN_TRASH: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  UNKNOWN_FIELD: 422,
  INVALID_JSON: 400,
  RATE_LIMITED: 429,
  ADDRESS_THROTTLED: 429,
  INTERNAL: 500,
};

const BASE_HEADERS = { "Cache-Control": "no-store" };

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = Response.json(body, { status, headers: BASE_HEADERS });
  if (headers) new Headers(headers).forEach((value, key) => response.headers.set(key, value));
  return response;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** `{ error: { code, message, field? } }`. Unexpected errors are logged here and answered generically. */
export function errorResponse(error: unknown, headers?: HeadersInit): Response {
  if (!isDomainError(error)) {
    console.error("[api] unexpected error", error);
    return errorResponse(new DomainError("INTERNAL"), headers);
  }
  const body: ErrorBody = { error: { code: error.code, message: apiErrorMessage(error) } };
  if (error.details.field !== undefined) body.error.field = error.details.field;
  const extra = new Headers(headers);
  if (error.code === "UNAUTHENTICATED") extra.set("WWW-Authenticate", 'Bearer realm="rolecall"');
  return jsonResponse(body, STATUS[error.code] ?? 400, extra);
}
