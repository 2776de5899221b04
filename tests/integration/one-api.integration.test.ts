/**
 * One API, two servers: what `npm start` serves (server.ts sends /api/* to the Hono router) and
 * what a Next server serves (`next dev`, `next start`: app/api/[...path] forwards to the same
 * router) answer alike, both built from lib/api/routes.ts. `next start` stands in for `next dev`
 * here: same route file, no compile on first request. Also GET /api/rest/roles, the endpoint
 * added as one entry of the route table (docs/recipes.md). Needs a production build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, createRole } from "@/prisma/factories";
import { databaseUrl, loadDemo, useDemoDatabase } from "./db";
import { built, startServer, type Instance } from "./server";

const db = useDemoDatabase();
const stops: (() => void)[] = [];
const ROLES_KEY = "one-api-roles-key";
const ADMIN_KEY = "one-api-admin-key";

let hono: Instance;
let next: Instance;

beforeAll(async () => {
  if (!built) return;
  const { workspace, roleId } = await loadDemo(db);
  // A role that administers roles and nothing else: the endpoint asks for the Roles settings permission.
  const auditor = await createRole(db, workspace.id, {} as never, { name: "Role auditor", settings: ["ROLES"] });
  await createApiKey(db, { workspaceId: workspace.id, name: "Roles key", secret: ROLES_KEY, roleId: auditor.id });
  await createApiKey(db, { workspaceId: workspace.id, name: "Admin key", secret: ADMIN_KEY, roleId: roleId("Admin") });
  const env = { DATABASE_URL: databaseUrl(db), SESSION_SECRET: "one-api-session-secret-0123456789abcdef", API_RATE_LIMIT_PER_MINUTE: "0", WEB_CONCURRENCY: "1" };
  [hono, next] = await Promise.all([startServer(env), startServer(env, "next start")]);
  stops.push(() => hono.stop(), () => next.stop());
}, 120_000);

afterAll(() => {
  for (const stop of stops) stop();
});

async function both(pathname: string, init: { key?: string; method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const ask = async (base: string) => {
    const response = await fetch(`${base}${pathname}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
  };
  const [fromHono, fromNext] = await Promise.all([ask(hono.url), ask(next.url)]);
  return { fromHono, fromNext };
}

describe.skipIf(!built)("npm start and a Next server serve the same API", () => {
  it("GET /api/rest/roles lists the roles for a key whose role holds Roles, alike on both", async () => {
    for (const key of [ROLES_KEY, ADMIN_KEY]) {
      const { fromHono, fromNext } = await both("/api/rest/roles", { key });
      expect(fromHono.status).toBe(200);
      expect(fromNext).toEqual(fromHono);
      const { data } = JSON.parse(fromHono.body) as { data: { name: string; isAdmin: boolean; isDefault: boolean }[] };
      expect(data[0]).toMatchObject({ name: "Admin", isAdmin: true });
      expect(data.map((role) => role.name)).toEqual(expect.arrayContaining(["Member", "Guest", "Intern", "Role auditor"]));
      expect(data.filter((role) => role.isDefault).map((role) => role.name)).toEqual(["Member"]);
    }
  });

  it("GET /api/rest/roles refuses a key without Roles (403, the API's error shape) and no key (401), alike on both", async () => {
    const refused = await both("/api/rest/roles", { key: "demo-intern-key" });
    expect(refused.fromHono.status).toBe(403);
    expect(JSON.parse(refused.fromHono.body)).toEqual({ error: { code: "FORBIDDEN", message: "Your role needs the ROLES settings permission." } });
    expect(refused.fromNext).toEqual(refused.fromHono);
    const anonymous = await both("/api/rest/roles");
    expect(anonymous.fromHono.status).toBe(401);
    expect(anonymous.fromNext).toEqual(anonymous.fromHono);
  });

  it("answers every other route of the table alike, unknown paths with the API's JSON 404", async () => {
    const paths = [
      "/api/health",
      "/api/rest/people?limit=2",
      "/api/rest/opportunities?limit=1",
      "/api/rest/me/permissions",
      "/api/rest/me/check?action=see&object=people&field=address",
      "/api/rest/guardrails/check",
      "/api/rest/people/nope",
      "/api/rest/nothing-here",
      "/api/no/such/path",
      "/api/openapi.json",
    ];
    for (const pathname of paths) {
      const { fromHono, fromNext } = await both(pathname, { key: "demo-intern-key" });
      expect({ pathname, ...fromNext }).toEqual({ pathname, ...fromHono });
    }
    const invalid = await both("/api/rest/people", { key: "demo-intern-key", method: "POST", body: { name: 42 } });
    expect(invalid.fromHono.status).toBe(422);
    expect(invalid.fromNext).toEqual(invalid.fromHono);
  });
});
