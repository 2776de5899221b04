/**
 * The one wrapper every API handler goes through: authenticate the key, apply its rate limit,
 * run the handler, turn any refusal into `{ error: { code, message } }` with the right status.
 * Handlers take their dependencies as an argument so tests can run them on their own database.
 */
import type { Principal } from "@/lib/access/principal";
import type { Db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { authenticateApiKey } from "./auth";
import type { ApiDeps } from "./context";
import type { RateLimitDecision } from "./rate-limit";
import { errorResponse } from "./responses";

export type ApiHandler<P> = (deps: ApiDeps, request: Request, params: P) => Promise<Response>;

export interface PublicContext<P> {
  readonly deps: ApiDeps;
  readonly db: Db;
  readonly request: Request;
  readonly params: P;
}

export interface AuthenticatedContext<P> extends PublicContext<P> {
  readonly principal: Principal;
}

/** A refusal that carries response headers (Retry-After of a 429). */
class RefusalWithHeaders extends DomainError {
  constructor(
    code: DomainError["code"],
    details: DomainError["details"],
    readonly headers: Headers,
  ) {
    super(code, details);
  }
}

/** The X-RateLimit-* headers of a decision, with Retry-After on a refusal. */
export function rateLimitHeaders(decision: RateLimitDecision): Headers {
  const headers = new Headers({
    "X-RateLimit-Limit": String(decision.limit),
    "X-RateLimit-Remaining": String(decision.remaining),
    "X-RateLimit-Reset": String(decision.resetSeconds),
  });
  if (!decision.allowed) headers.set("Retry-After", String(decision.resetSeconds));
  return headers;
}

function withHeaders(response: Response, headers: Headers | undefined): Response {
  headers?.forEach((value, key) => response.headers.set(key, value));
  return response;
}

/** Counts the request against the principal's key and refuses it (429) over the limit. */
export async function applyRateLimit(deps: ApiDeps, principal: Principal): Promise<Headers | undefined> {
  const decision = await deps.rateLimiter.consume(`${principal.kind}:${principal.id}`, deps.now().getTime());
  if (!decision) return undefined;
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    throw new RefusalWithHeaders("RATE_LIMITED", { params: { limit: decision.limit, retryAfter: decision.resetSeconds } }, headers);
  }
  return headers;
}

function headersOf(error: unknown): Headers | undefined {
  return error instanceof RefusalWithHeaders ? error.headers : undefined;
}

/** A handler that needs no key (health, public OpenAPI document); errors are still mapped. */
export function publicRoute<P>(handle: (context: PublicContext<P>) => Promise<Response>): ApiHandler<P> {
  return async (deps, request, params) => {
    try {
      return await handle({ deps, db: deps.db, request, params });
    } catch (error) {
      return errorResponse(error, headersOf(error));
    }
  };
}

/** A handler that acts as the API key's principal; 401 without a valid key, 429 over the limit. */
export function authenticatedRoute<P>(handle: (context: AuthenticatedContext<P>) => Promise<Response>): ApiHandler<P> {
  return async (deps, request, params) => {
    let headers: Headers | undefined;
    try {
      const principal = await authenticateApiKey(deps.db, request, deps.now());
      headers = await applyRateLimit(deps, principal);
      return withHeaders(await handle({ deps, db: deps.db, request, params, principal }), headers);
    } catch (error) {
      return errorResponse(error, headersOf(error) ?? headers);
    }
  };
}
