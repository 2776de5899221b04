/**
 * What an entry of the route table (./routes.ts) is, and the one runner every entry goes through:
 * authenticate the key, apply its rate limit, check the settings permission the entry names,
 * read and validate the input, run the handler, and turn any refusal into
 * `{ error: { code, message } }` with the right status. The Hono router (./router.ts), the
 * OpenAPI document (./openapi.ts) and the tests all read the same entries; none decides a rule
 * (the use case and lib/permissions do).
 */
import type { z } from "zod";
import type { Principal } from "@/lib/access/principal";
import type { Db } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { canSetting, type SettingsPermission } from "@/lib/permissions";
import { parseOrThrow } from "@/lib/validation";
import { authenticateApiKey } from "./auth";
import { readJsonBody } from "./body";
import type { ApiDeps } from "./context";
import type { RateLimitDecision } from "./rate-limit";
import { errorResponse, jsonResponse } from "./responses";
import { searchParamsObject } from "./search-params";

export type ApiMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface RouteContext<Query = unknown> {
  readonly deps: ApiDeps;
  readonly db: Db;
  readonly request: Request;
  /** Path parameters by name (`:object` → `params.object`). */
  readonly params: Readonly<Record<string, string>>;
  /** The query, as `query`/`parseQuery` of the entry made it. */
  readonly query: Query;
  /** The JSON body, when the entry says `body: true` (the use case validates it). */
  readonly body: unknown;
}

export interface KeyRouteContext<Query = unknown> extends RouteContext<Query> {
  readonly principal: Principal;
}

/** How the OpenAPI document describes one operation. */
export interface OperationDoc {
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly description?: string;
  /** Statuses besides success, each one of openapi.ts's shared error responses. */
  readonly errors: readonly number[];
  readonly requestBody?: Record<string, unknown>;
  readonly parameters?: readonly Record<string, unknown>[];
  readonly security?: readonly Record<string, unknown>[];
  readonly success: { readonly status?: number; readonly description: string; readonly schema?: Record<string, unknown> };
}

/** One object as the reading role sees it, for the per-object operations of the records routes. */
export interface DocumentedObject {
  /** The REST name in the path (`people`). */
  readonly name: string;
  /** PascalCase names for operation ids and schemas (`Person`, `People`). */
  readonly singular: string;
  readonly plural: string;
  readonly labelSingular: string;
  readonly labelPlural: string;
  readonly canCreate: boolean;
  readonly canEdit: boolean;
  readonly canDelete: boolean;
  readonly canDestroy: boolean;
}

interface RouteBase {
  readonly method: ApiMethod;
  /** Hono's syntax, `:name` for a path parameter; fixed paths are listed before patterns they would match. */
  readonly path: string;
  /** Success status (default 200). */
  readonly status?: number;
  /** The documented answer: a zod schema (its JSON Schema goes in the document) or a JSON Schema as is. */
  readonly response?: z.ZodType | Record<string, unknown>;
  /**
   * The OpenAPI operation: fixed, or one per object (records routes; null leaves it out for an
   * object the role may not act on that way), or `false` to stay out of the document.
   */
  readonly doc: Omit<OperationDoc, "success"> & { readonly success: OperationDoc["success"] } | ((object: DocumentedObject) => OperationDoc | null) | false;
}

export interface KeyRoute<Query = unknown> extends RouteBase {
  /** `Authorization: Bearer <API key>`, counted against the key's rate limit. */
  readonly auth: "key";
  /** A settings permission the key's role must hold: 403 FORBIDDEN (SETTING_REQUIRED) before the handler. */
  readonly permission?: SettingsPermission;
  /** Query parameters, validated (first issue → 422 naming the parameter) and documented. */
  readonly query?: z.ZodObject;
  /** Parses the query when the schema alone does not say it (repeated parameters, several shapes). */
  readonly parseQuery?: (url: URL) => Query;
  /** Reads a JSON body (1 MB cap, 400 INVALID_JSON, 413) before the handler. */
  readonly body?: true;
  /** Answers a JSON body (or a Response of its own). */
  readonly handle: (context: KeyRouteContext<Query>) => Promise<unknown>;
}

export interface PublicRoute extends RouteBase {
  /** No key needed; the handler may still read one (the OpenAPI document does). */
  readonly auth: "public";
  readonly handle: (context: RouteContext<undefined>) => Promise<unknown>;
}

/** A protocol of its own (MCP): the raw request, authentication and answers are the handler's. */
export interface RawRoute extends Omit<RouteBase, "method"> {
  readonly auth: "raw";
  readonly method: ApiMethod | readonly ApiMethod[];
  readonly handle: (deps: ApiDeps, request: Request) => Promise<Response>;
}

export type ApiRoute = KeyRoute<never> | PublicRoute | RawRoute;

/** Declares an entry of the route table; typed per entry, stored in the table without its types. */
export function defineRoute<Query = Record<string, string>>(route: KeyRoute<Query>): ApiRoute;
export function defineRoute(route: PublicRoute | RawRoute): ApiRoute;
export function defineRoute(route: KeyRoute<unknown> | PublicRoute | RawRoute): ApiRoute {
  return route as ApiRoute;
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

function answer(result: unknown, status: number): Response {
  return result instanceof Response ? result : jsonResponse(result, status);
}

/** The settings permission a key route names, refused like every other settings check. */
export function assertSetting(principal: Principal, setting: SettingsPermission): void {
  if (!canSetting(principal.permissions, setting)) throw new DomainError("FORBIDDEN", { params: { reason: "SETTING_REQUIRED", setting } });
}

/** Runs one entry for one request; `params` are the path parameters the router matched. */
export async function runRoute(route: ApiRoute, deps: ApiDeps, request: Request, params: Readonly<Record<string, string>>): Promise<Response> {
  if (route.auth === "raw") return route.handle(deps, request);
  const status = route.status ?? 200;
  if (route.auth === "public") {
    try {
      return answer(await route.handle({ deps, db: deps.db, request, params, query: undefined, body: undefined }), status);
    } catch (error) {
      return errorResponse(error, headersOf(error));
    }
  }
  const keyRoute = route as unknown as KeyRoute<unknown>;
  let headers: Headers | undefined;
  try {
    const principal = await authenticateApiKey(deps.db, request, deps.now());
    headers = await applyRateLimit(deps, principal);
    if (keyRoute.permission) assertSetting(principal, keyRoute.permission);
    const url = new URL(request.url);
    const query = keyRoute.parseQuery ? keyRoute.parseQuery(url) : keyRoute.query ? parseOrThrow(keyRoute.query, searchParamsObject(url.searchParams), "query") : undefined;
    const body = keyRoute.body ? await readJsonBody(request) : undefined;
    return withHeaders(answer(await keyRoute.handle({ deps, db: deps.db, request, params, query, body, principal }), status), headers);
  } catch (error) {
    return errorResponse(error, headersOf(error) ?? headers);
  }
}
