/**
 * The REST API through its handlers (the functions the app/api routes call), on a real SQLite
 * copy of the demo workspace: authentication, the Intern scenario over HTTP, the default and an
 * Admin key, bad input of every kind (4xx, nothing written), limits and error hygiene.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import {
  handleCreateRecord,
  handleDestroyRecord,
  handleGetRecord,
  handleListRecords,
  handleRestoreRecord,
  handleSoftDeleteRecord,
  handleUpdateRecord,
} from "@/lib/api/records-handlers";
import type { ApiHandler } from "@/lib/api/route";
import { createApiKey } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };

const INTERN = "demo-intern-key";
const DEFAULT = "demo-default-key";
const ADMIN = "test-admin-key";

interface Call {
  key?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  deps?: ApiDeps;
}

/** Routes a path the way app/api/rest does, then calls the handler like Next would. */
function route(method: string, pathname: string): { handler: ApiHandler<never>; params: Record<string, string> } {
  const [object, id, action] = pathname.replace(/^\/api\/rest\//, "").split("/").map(decodeURIComponent);
  const table: Record<string, ApiHandler<never>> = {
    "GET collection": handleListRecords as ApiHandler<never>,
    "POST collection": handleCreateRecord as ApiHandler<never>,
    "GET item": handleGetRecord as ApiHandler<never>,
    "PATCH item": handleUpdateRecord as ApiHandler<never>,
    "DELETE item": handleSoftDeleteRecord as ApiHandler<never>,
    "POST restore": handleRestoreRecord as ApiHandler<never>,
    "DELETE destroy": handleDestroyRecord as ApiHandler<never>,
  };
  const shape = id === undefined ? "collection" : (action ?? "item");
  const handler = table[`${method} ${shape}`];
  if (!handler) throw new Error(`No route for ${method} ${pathname}`);
  return { handler, params: id === undefined ? { object } : { object, id } };
}

async function call(method: string, path: string, options: Call = {}) {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body = options.rawBody;
  if (body === undefined && options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost${path}`, { method, headers, body });
  const url = new URL(request.url);
  const { handler, params } = route(method, url.pathname);
  const response = await handler(options.deps ?? deps, request, params as never);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
}

const get = (path: string, key?: string, options: Call = {}) => call("GET", path, { key, ...options });

async function snapshot() {
  return { records: await db.record.count(), audit: await db.auditLog.count(), updated: (await db.record.aggregate({ _max: { updatedAt: true } }))._max.updatedAt };
}

let personId: string;
let opportunityId: string;

beforeAll(async () => {
  const { workspace, roleId } = await loadDemo(db);
  await createApiKey(db, { workspaceId: workspace.id, name: "Admin integration", secret: ADMIN, roleId: roleId("Admin") });
  await createApiKey(db, { workspaceId: workspace.id, name: "Revoked", secret: "test-revoked-key", roleId: roleId("Admin") });
  await db.apiKey.updateMany({ where: { name: "Revoked" }, data: { revokedAt: new Date() } });
  await createApiKey(db, { workspaceId: workspace.id, name: "Expired", secret: "test-expired-key", roleId: roleId("Admin"), expiresAt: new Date(Date.now() - 1000) });
  personId = (await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" } }, orderBy: { createdAt: "asc" } })).id;
  opportunityId = (await db.record.findFirstOrThrow({ where: { object: { nameSingular: "opportunity" } } })).id;
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", undefined, {}],
    ["a header that is not Bearer", undefined, { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" }],
    ["an unknown key", "not-a-key", {}],
    ["a revoked key", "test-revoked-key", {}],
    ["an expired key", "test-expired-key", {}],
    ["an absurdly long key", "k".repeat(10_000), {}],
  ])("answers 401 to %s, with the error shape of SPEC §9", async (_name, key, headers) => {
    const response = await get("/api/rest/people", key, { headers });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("says why a key is refused", async () => {
    expect((await get("/api/rest/people", "test-revoked-key")).body.error.message).toMatch(/revoked/);
    expect((await get("/api/rest/people", "test-expired-key")).body.error.message).toMatch(/expired/);
    expect((await get("/api/rest/people")).body.error.message).toMatch(/Bearer/);
  });

  it("refuses writes without a key before reading the body", async () => {
    const before = await snapshot();
    const response = await call("POST", "/api/rest/people", { body: { name: "Anonymous" } });
    expect(response.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe("the Intern key (SPEC §2.2–2.3)", () => {
  it("cannot see Opportunities: every route answers 403 FORBIDDEN naming the object", async () => {
    for (const [method, path] of [
      ["GET", "/api/rest/opportunities"],
      ["POST", "/api/rest/opportunities"],
      ["GET", `/api/rest/opportunities/${opportunityId}`],
      ["PATCH", `/api/rest/opportunities/${opportunityId}`],
      ["DELETE", `/api/rest/opportunities/${opportunityId}`],
      ["POST", `/api/rest/opportunities/${opportunityId}/restore`],
      ["DELETE", `/api/rest/opportunities/${opportunityId}/destroy`],
    ]) {
      const response = await call(method, path, { key: INTERN, ...(method === "POST" || method === "PATCH" ? { body: { name: "x" } } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error.code).toBe("FORBIDDEN");
      expect(response.body.error.message).toContain("opportunities");
      expect(response.text).not.toContain('"amount"');
    }
  });

  it("lists and reads People with Email but never Address", async () => {
    const list = await get("/api/rest/people?limit=200", INTERN);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(200);
    expect(list.body.pageInfo).toEqual({ endCursor: expect.any(String), hasNextPage: true });
    for (const person of list.body.data) {
      expect(person).not.toHaveProperty("address");
      expect(person).toHaveProperty("email");
    }
    const one = await get(`/api/rest/people/${personId}`, INTERN);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body)).toEqual(["data"]);
    expect(one.body.data).toMatchObject({ id: personId, name: expect.any(String) });
    expect(one.body.data).not.toHaveProperty("address");
    expect(list.text + one.text).not.toMatch(/"address"/);
  });

  it("edits People, except Email (403 naming email) and Address (403 naming address)", async () => {
    const edited = await call("PATCH", `/api/rest/people/${personId}`, { key: INTERN, body: { jobTitle: "Intern" } });
    expect(edited.status).toBe(200);
    expect(edited.body.data.jobTitle).toBe("Intern");
    expect(edited.body.data).not.toHaveProperty("address");

    const before = await snapshot();
    const email = await call("PATCH", `/api/rest/people/${personId}`, { key: INTERN, body: { email: "ian@acme.dev" } });
    expect(email.status).toBe(403);
    expect(email.body.error).toMatchObject({ code: "FORBIDDEN", field: "email" });
    expect(email.body.error.message).toContain("email");

    const address = await call("PATCH", `/api/rest/people/${personId}`, { key: INTERN, body: { jobTitle: "CEO", address: "1 Main Street" } });
    expect(address.status).toBe(403);
    expect(address.body.error).toMatchObject({ code: "FORBIDDEN", field: "address" });
    expect(address.body.error.message).toContain("address");

    const created = await call("POST", "/api/rest/people", { key: INTERN, body: { name: "Sneaky", address: "1 Main Street" } });
    expect(created.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to filter or sort on Address", async () => {
    const filter = await get(`/api/rest/people?filter=${encodeURIComponent("address[like]:Rue")}`, INTERN);
    expect(filter.status).toBe(403);
    expect(filter.body.error).toMatchObject({ code: "FORBIDDEN", field: "address" });
    const sort = await get("/api/rest/people?orderBy=address:desc", INTERN);
    expect(sort.status).toBe(403);
    expect(sort.body.error).toMatchObject({ code: "FORBIDDEN", field: "address" });
  });

  it("reads Companies but cannot create, edit or delete them", async () => {
    expect((await get("/api/rest/companies?limit=3", INTERN)).status).toBe(200);
    const create = await call("POST", "/api/rest/companies", { key: INTERN, body: { name: "Intern Co" } });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toContain("companies");
    expect((await call("PATCH", "/api/rest/companies/demo-company-001", { key: INTERN, body: { domain: "x.com" } })).status).toBe(403);
    expect((await call("DELETE", "/api/rest/companies/demo-company-001", { key: INTERN })).status).toBe(403);
  });

  it("creates a person and the audit log names the key", async () => {
    const created = await call("POST", "/api/rest/people", { key: INTERN, body: { name: "Nora New", city: "Rome" } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Nora New", city: "Rome", email: null, deletedAt: null });
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: created.body.data.id } });
    expect(entry).toMatchObject({ action: "record.created", actorType: "apiKey", actorLabel: "Intern integration" });
  });
});

describe("the default key (no role: the Member role) and an Admin key", () => {
  it("the default key edits Companies, trashes and restores, but cannot destroy", async () => {
    const edit = await call("PATCH", "/api/rest/companies/demo-company-002", { key: DEFAULT, body: { employees: 42 } });
    expect(edit.status).toBe(200);
    expect(edit.body.data).toMatchObject({ employees: 42, address: expect.any(String) });

    const trashed = await call("DELETE", "/api/rest/companies/demo-company-002", { key: DEFAULT });
    expect(trashed.status).toBe(200);
    expect(trashed.body.data.deletedAt).toEqual(expect.any(String));
    const listed = await get("/api/rest/companies?limit=200", DEFAULT);
    expect(listed.body.data.map((company: { id: string }) => company.id)).not.toContain("demo-company-002");
    const trash = await get("/api/rest/companies?deleted=only", DEFAULT);
    expect(trash.body.data.map((company: { id: string }) => company.id)).toEqual(["demo-company-002"]);
    expect((await call("DELETE", "/api/rest/companies/demo-company-002", { key: DEFAULT })).status).toBe(409);

    const destroy = await call("DELETE", "/api/rest/companies/demo-company-002/destroy", { key: DEFAULT });
    expect(destroy.status).toBe(403);
    expect(destroy.body.error.message).toContain("companies");

    const restored = await call("POST", "/api/rest/companies/demo-company-002/restore", { key: DEFAULT });
    expect(restored.status).toBe(200);
    expect(restored.body.data.deletedAt).toBeNull();
    expect((await call("POST", "/api/rest/companies/demo-company-002/restore", { key: DEFAULT })).status).toBe(409);
  });

  it("an Admin key sees Address, filters on it, and destroys", async () => {
    const filtered = await get(`/api/rest/people?filter=${encodeURIComponent("address[like]:rivoli")}&limit=200`, ADMIN);
    expect(filtered.status).toBe(200);
    expect(filtered.body.data.length).toBeGreaterThan(0);
    for (const person of filtered.body.data) expect(person.address.toLowerCase()).toContain("rivoli");

    const note = await call("POST", "/api/rest/notes", { key: ADMIN, body: { title: "Short-lived" } });
    const destroyed = await call("DELETE", `/api/rest/notes/${note.body.data.id}/destroy`, { key: ADMIN });
    expect(destroyed.status).toBe(200);
    expect((await get(`/api/rest/notes/${note.body.data.id}`, ADMIN)).status).toBe(404);
    expect((await call("DELETE", `/api/rest/notes/${note.body.data.id}/destroy`, { key: ADMIN })).status).toBe(404);
  });
});

describe("lists over HTTP", () => {
  it("follows endCursor to the last page, each record once, in the requested order", async () => {
    const seen: { id: string; name: string }[] = [];
    let url = "/api/rest/people?orderBy=name:desc&limit=45";
    for (let page = 0; page < 20; page++) {
      const response = await get(url, ADMIN);
      expect(response.status).toBe(200);
      seen.push(...response.body.data);
      if (!response.body.pageInfo.hasNextPage) break;
      url = `/api/rest/people?orderBy=name:desc&limit=45&cursor=${response.body.pageInfo.endCursor}`;
    }
    const total = await db.record.count({ where: { object: { nameSingular: "person" }, deletedAt: null } });
    expect(new Set(seen.map((person) => person.id)).size).toBe(total);
    expect(seen).toHaveLength(total);
    const names = seen.map((person) => person.name);
    expect(names).toEqual([...names].sort().reverse());
  });

  it("combines repeated and comma-separated filters, with commas inside values", async () => {
    const both = await get(`/api/rest/people?filter=${encodeURIComponent("city[eq]:Paris")}&filter=${encodeURIComponent("jobTitle[in]:CEO|CTO")}&limit=200`, ADMIN);
    const joined = await get(`/api/rest/people?filter=${encodeURIComponent("city[eq]:Paris,jobTitle[in]:CEO|CTO")}&limit=200`, ADMIN);
    expect(both.status).toBe(200);
    expect(both.body.data).toEqual(joined.body.data);
    for (const person of both.body.data) expect([person.city, ["CEO", "CTO"].includes(person.jobTitle)]).toEqual(["Paris", true]);

    const company = await call("POST", "/api/rest/companies", { key: ADMIN, body: { name: "Comma Corp", address: "1 Rue de Rivoli, Paris" } });
    const withComma = await get(`/api/rest/companies?filter=${encodeURIComponent("address[eq]:1 Rue de Rivoli, Paris")}`, ADMIN);
    expect(withComma.body.data.map((c: { id: string }) => c.id)).toEqual([company.body.data.id]);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=201", "limit"],
    ["limit=ten", "limit"],
    ["filter=city", "filter"],
    ["filter=city[near]:Paris", "filter"],
    ["orderBy=city:sideways", "orderBy"],
    ["cursor=bogus", "cursor"],
    ["deleted=maybe", "deleted"],
    [`search=${"x".repeat(201)}`, "search"],
    ["filter=nickname[eq]:Al", "nickname"],
    ["filter=employees[gt]:lots", "employees"],
  ])("answers 422 naming the parameter for %s", async (query, field) => {
    const object = query.includes("employees") ? "companies" : "people";
    const response = await get(`/api/rest/${object}?${query}`, ADMIN);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ field, message: expect.any(String) });
  });
});

describe("bad input never reaches the database", () => {
  it.each([
    ["malformed JSON", { rawBody: '{"name": "Broken",' }, 400, "INVALID_JSON"],
    ["an empty body", { rawBody: "" }, 400, "INVALID_JSON"],
    ["bytes that are not UTF-8", { rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400, "INVALID_JSON"],
    ["a JSON array", { body: [{ name: "A" }] }, 422, "VALIDATION_FAILED"],
    ["a JSON string", { body: "name" }, 422, "VALIDATION_FAILED"],
    ["null", { rawBody: "null" }, 422, "VALIDATION_FAILED"],
    ["a wrong type", { body: { name: "A", city: ["Paris"] } }, 422, "VALIDATION_FAILED"],
    ["an unknown field", { body: { name: "A", nickname: "Al" } }, 422, "UNKNOWN_FIELD"],
    ["a __proto__ key", { rawBody: '{"name":"A","__proto__":{"admin":true}}' }, 422, "UNKNOWN_FIELD"],
    ["a system field", { body: { name: "A", createdAt: "2020-01-01T00:00:00Z" } }, 403, "FORBIDDEN"],
    ["a body over 1 MB", { body: { name: "A", jobTitle: "x".repeat(1_100_000) } }, 413, "PAYLOAD_TOO_LARGE"],
  ])("refuses %s", async (_name, input, status, code) => {
    const before = await snapshot();
    for (const [method, path] of [
      ["POST", "/api/rest/people"],
      ["PATCH", `/api/rest/people/${personId}`],
    ]) {
      const response = await call(method, path, { key: ADMIN, ...(input as Call) });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.body.error.code).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a body over 1 MB even when Content-Length does not say so (streamed)", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/rest/people", {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}` },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await handleCreateRecord(deps, request, { object: "people" });
    expect(response.status).toBe(413);
  });

  it("answers 404 for a missing record and 403 for an unknown object, never 5xx", async () => {
    expect((await get("/api/rest/people/does-not-exist", ADMIN)).status).toBe(404);
    expect((await call("PATCH", "/api/rest/people/does-not-exist", { key: ADMIN, body: { city: "Paris" } })).status).toBe(404);
    expect((await get(`/api/rest/companies/${personId}`, ADMIN)).status).toBe(404);
    const unknown = await get("/api/rest/unicorns", ADMIN);
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.message).toContain("unicorns");
    expect((await get(`/api/rest/people/${encodeURIComponent("'; DROP TABLE Record; --")}`, ADMIN)).status).toBe(404);
    expect((await get(`/api/rest/people?filter=${encodeURIComponent("name[eq]:'); DROP TABLE Record; --")}`, ADMIN)).status).toBe(200);
    expect(await db.record.count()).toBeGreaterThan(0);
  });
});

describe("limits and hygiene", () => {
  it("rate-limits per key with Retry-After, and other keys are unaffected", async () => {
    const limited: ApiDeps = { ...deps, rateLimiter: createRateLimiter(3) };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get("/api/rest/tasks?limit=1", INTERN, { deps: limited })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get("/api/rest/tasks?limit=1", INTERN, { deps: limited });
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await get("/api/rest/tasks?limit=1", DEFAULT, { deps: limited })).status).toBe(200);
  });

  it("a limit of 0 turns rate limiting off", async () => {
    const response = await get("/api/rest/tasks?limit=1", INTERN);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("answers an unexpected failure with a generic 500 that leaks nothing", async () => {
    const broken = new Proxy(db, {
      get(target, property, receiver) {
        // The first query of a request is the API key lookup, a raw query (a proxy has no direct statements, lib/db/hot-path.ts).
        if (property === "$queryRawUnsafe") return () => Promise.reject(new Error("SQLITE_CORRUPT secret-table-name"));
        return Reflect.get(target, property, receiver);
      },
    });
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await get("/api/rest/people", INTERN, { deps: { ...deps, db: broken } });
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe("INTERNAL");
      expect(response.text).not.toContain("secret-table-name");
    } finally {
      console.error = originalError;
    }
    expect(errors).toHaveLength(1);
  });

  it("answers JSON with no-store caching", async () => {
    const response = await get("/api/rest/people?limit=1", INTERN);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
