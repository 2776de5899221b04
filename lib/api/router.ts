/**
 * The lean door of the machine interfaces: `/api/rest/*`, `/api/mcp` and `/api/health` served by
 * Hono in front of Next (see server.ts), calling the same handlers the Next route files call.
 * Next's route machinery costs more per request than the handlers themselves; this router is a
 * trie match and a call. Handlers keep their fetch-API signature, so nothing here decides a rule.
 */
import { Hono, type Context } from "hono";
import { handleMcpHttpRequest } from "@/lib/agents/http";
import { DomainError } from "@/lib/errors";
import { securityHeaders } from "@/lib/security-headers.cjs";
import type { ApiDeps } from "./context";
import { handleGuardrailsCheck } from "./guardrail-handlers";
import { handlePermissionCheck, handleMyPermissions } from "./me-handlers";
import { handleCreateRecord, handleDestroyRecord, handleGetRecord, handleListRecords, handleRestoreRecord, handleSoftDeleteRecord, handleUpdateRecord } from "./records-handlers";
import { errorResponse } from "./responses";
import { handleHealth } from "./service-handlers";
import type { ApiHandler } from "./route";

/** The paths this router answers; everything else (pages, OpenAPI document and page) stays with Next. */
export function isLeanApiPath(pathname: string): boolean {
  return pathname === "/api/health" || pathname === "/api/mcp" || pathname === "/api/rest" || pathname.startsWith("/api/rest/");
}

export function createApiRouter(deps: () => ApiDeps): Hono {
  const app = new Hono();
  const call =
    <P>(handler: ApiHandler<P>, params: (c: Context) => P) =>
    (c: Context) =>
      handler(deps(), c.req.raw, params(c));
  const none = () => ({}) as Record<string, never>;
  const object = (c: Context) => ({ object: c.req.param("object") ?? "" });
  const record = (c: Context) => ({ object: c.req.param("object") ?? "", id: c.req.param("id") ?? "" });

  app.use(async (c, next) => {
    await next();
    for (const { key, value } of securityHeaders) c.res.headers.set(key, value);
  });

  app.get("/api/health", call(handleHealth, none));
  app.on(["GET", "POST", "DELETE"], "/api/mcp", (c) => handleMcpHttpRequest(deps(), c.req.raw));

  // Fixed paths before the `:object/:id` patterns they would otherwise match.
  app.get("/api/rest/me/permissions", call(handleMyPermissions, none));
  app.get("/api/rest/me/check", call(handlePermissionCheck, none));
  app.get("/api/rest/guardrails/check", call(handleGuardrailsCheck, none));

  app.get("/api/rest/:object", call(handleListRecords, object));
  app.post("/api/rest/:object", call(handleCreateRecord, object));
  app.get("/api/rest/:object/:id", call(handleGetRecord, record));
  app.patch("/api/rest/:object/:id", call(handleUpdateRecord, record));
  app.delete("/api/rest/:object/:id", call(handleSoftDeleteRecord, record));
  app.post("/api/rest/:object/:id/restore", call(handleRestoreRecord, record));
  app.delete("/api/rest/:object/:id/destroy", call(handleDestroyRecord, record));

  // Like app/api/[...path]: any other API path or method answers the API's JSON 404.
  app.notFound(() => errorResponse(new DomainError("NOT_FOUND")));
  app.onError((error) => errorResponse(error));
  return app;
}
