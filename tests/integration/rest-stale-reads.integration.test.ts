/**
 * The lean REST path caches what it can (resolved permissions, object metadata) behind stamps read
 * in the same statement as the key. Over real HTTP through the router server.ts mounts: every
 * change below applies to the very next request, never one later (0 stale reads).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { createApiRouter } from "@/lib/api/router";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { addCustomField } from "@/lib/metadata/fields";
import { assignRole } from "@/lib/roles/assignment";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { updateRole } from "@/lib/roles/save";
import { createApiKey } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();
let clock = Date.now();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date(clock) };

let server: Server;
let baseUrl: string;
let workspaceId: string;
let roleId: (name: string) => string;
let admin: Principal;
let keyId: string;
const SECRET = "stale-read-test-key";
const ADMIN_SECRET = "stale-read-admin-key";

async function get(path: string, secret = SECRET) {
  const response = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${secret}` } });
  return { status: response.status, body: (await response.json()) as { data: Record<string, unknown>[] | Record<string, unknown>; error?: { code: string } } };
}

const firstRecord = (body: { data: unknown }) => (body.data as Record<string, unknown>[])[0];

beforeAll(async () => {
  ({ workspace: { id: workspaceId }, roleId } = await loadDemo(db));
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } });
  admin = (await memberPrincipal(db, member.id))!;
  keyId = (await createApiKey(db, { workspaceId, name: "Stale-read probe", secret: SECRET, roleId: roleId("Intern") })).id;
  await createApiKey(db, { workspaceId, name: "Stale-read admin", secret: ADMIN_SECRET, roleId: roleId("Admin") });
  server = createServer(getRequestListener(createApiRouter(() => deps).fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("no stale read after a change (lean REST path)", () => {
  it("a role edit hides a field from the next request on", async () => {
    const before = await get("/api/rest/people?limit=2");
    expect(before.status).toBe(200);
    expect(firstRecord(before.body)).toHaveProperty("city");

    const { version, draft } = await loadRoleForEditor(db, workspaceId, roleId("Intern"));
    const fieldRules = [...draft.fieldRules.filter((rule) => !(rule.object === "person" && rule.field === "city")), { object: "person", field: "city", canSee: false, canEdit: false }];
    await db.$transaction((tx) => updateRole(tx, admin, roleId("Intern"), version, { ...draft, fieldRules }));

    const after = await get("/api/rest/people?limit=2");
    expect(after.status).toBe(200);
    expect(firstRecord(after.body)).not.toHaveProperty("city");
    expect((await get("/api/rest/people?filter=city[eq]:Paris")).status).toBe(403);
  });

  it("a role change, then its expiry, apply to the next request", async () => {
    expect((await get("/api/rest/opportunities?limit=1")).status).toBe(403);
    await db.$transaction((tx) => assignRole(tx, admin, roleId("Sales rep"), { kind: "apiKey", id: keyId }, new Date(clock + 3_600_000), new Date(clock)));
    expect((await get("/api/rest/opportunities?limit=1")).status).toBe(200);

    // One second after the assignment's end: the key acts with the default role, whose rules differ.
    clock += 3_601_000;
    const expired = await get("/api/rest/me/permissions");
    expect(expired.status).toBe(200);
    expect((expired.body.data as { role: { id: string } }).role.id).toBe((await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).defaultRoleId);
  });

  it("a new custom field shows on the next request, filterable and sortable", async () => {
    const person = await db.objectMetadata.findFirstOrThrow({ where: { workspaceId, nameSingular: "person" } });
    expect(firstRecord((await get("/api/rest/people?limit=1", ADMIN_SECRET)).body)).not.toHaveProperty("nickname");
    await addCustomField(db, admin, { objectId: person.id, label: "Nickname", name: "nickname", type: "TEXT", options: [] });

    const after = await get("/api/rest/people?limit=1", ADMIN_SECRET);
    expect(firstRecord(after.body)).toHaveProperty("nickname", null);
    expect((await get("/api/rest/people?filter=nickname[eq]:Al&orderBy=nickname:desc", ADMIN_SECRET)).status).toBe(200);
  });

  it("a revoked key is refused on the next request", async () => {
    expect((await get("/api/rest/people?limit=1")).status).toBe(200);
    await revokeApiKey(db, admin, keyId);
    const refused = await get("/api/rest/people?limit=1");
    expect(refused.status).toBe(401);
  });
});
