/**
 * The one door of the machine interfaces: every path under /api, served by Hono from the route
 * table (./routes.ts). `npm start` sends /api/* here from server.ts; `next dev` reaches it
 * through app/api/[...path]/route.ts; tests call `apiFetch`. So all three serve the same API.
 * Next's route machinery costs more per request than the handlers themselves; this router is a
 * trie match and a call. Nothing here decides a rule.
 */
import { Hono } from "hono";
import { DomainError } from "@/lib/errors";
import { securityHeaders } from "@/lib/security-headers.cjs";
import type { ApiDeps } from "./context";
import { errorResponse } from "./responses";
import { runRoute } from "./route";
import { API_ROUTES } from "./routes";
import { createScimRouter, SCIM_BASE_PATH } from "@/lib/scim/router";

/** The paths this router answers: all of /api, and SCIM. Pages and server actions stay with Next. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/") || pathname.startsWith(`${SCIM_BASE_PATH}/`);
}

export function createApiRouter(deps: () => ApiDeps): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    for (const { key, value } of securityHeaders) c.res.headers.set(key, value);
  });

  // SCIM 2.0 (docs/reference.md §20): its own sub-app, with RFC 7644 errors instead of the REST API's.
  app.route(SCIM_BASE_PATH, createScimRouter(deps));
  // In the table's order: fixed paths come before the `:object/:id` patterns they would match.
  for (const route of API_ROUTES) {
    const methods = typeof route.method === "string" ? [route.method] : [...route.method];
    app.on(methods, route.path, (c) => runRoute(route, deps(), c.req.raw, c.req.param() as Record<string, string>));
  }

  // Any other API path or method answers the API's JSON 404, not an HTML page.
  app.notFound(() => errorResponse(new DomainError("NOT_FOUND")));
  app.onError((error) => errorResponse(error));
  return app;
}

/** A fetch function over the router with fixed dependencies: what tests and benches call. */
export function apiFetch(deps: ApiDeps): (request: Request) => Promise<Response> {
  const app = createApiRouter(() => deps);
  return async (request) => app.fetch(request);
}
