/**
 * A SCIM 2.0 conformance run (docs/reference.md §20; RFC 7643/7644) over real HTTP: the router server.ts
 * serves (lib/api/router.ts with its /scim/v2 sub-app) listening on a port, a token created in
 * Settings → Security, then what identity providers do: create, get, filter `userName eq`,
 * paginate, patch, replace, deactivate (sessions end, sign-in refused), groups and membership
 * driving Group mappings, delete; errors as RFC 7644 error bodies; the token acts with its
 * creator's authority (docs/reference.md §11).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { addGroupMappingAction, createScimTokenAction, revokeScimTokenAction } from "@/app/settings/security/actions";
import { createApiRouter } from "@/lib/api/router";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { authenticate } from "@/lib/auth/authenticate";
import { isLiveSession, startSession } from "@/lib/auth/sessions";
import { createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
const deps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
let server: Server;
let base: string;
let token: string;

const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

async function call(method: string, path: string, body?: unknown, bearer: string | null = token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { "content-type": "application/scim+json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), body: text ? JSON.parse(text) : null };
}

function expectScimError(result: { status: number; type: string | null; body: { schemas: string[]; status: string; scimType?: string } }, status: number, scimType?: string) {
  expect(result.status).toBe(status);
  expect(result.type).toContain("application/scim+json");
  expect(result.body).toMatchObject({ schemas: [ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail: expect.any(String) });
}

beforeAll(async () => {
  server = createServer(getRequestListener(createApiRouter(() => deps).fetch));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
  await actAs(db, "admin@acme.dev");
  const created = await createScimTokenAction({ name: "Identity provider" });
  if (!created.ok) throw new Error("no token");
  token = created.data.secret;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("SCIM 2.0 (RFC 7644)", () => {
  it("refuses a missing, wrong or revoked token with a 401 error body", async () => {
    expectScimError(await call("GET", "/Users", undefined, null), 401);
    expectScimError(await call("GET", "/Users", undefined, "rcscim_wrong"), 401);
    const other = await createScimTokenAction({ name: "Soon revoked" });
    if (!other.ok) throw new Error("no token");
    expect((await call("GET", "/Users", undefined, other.data.secret)).status).toBe(200);
    expect((await revokeScimTokenAction({ id: other.data.id })).ok).toBe(true);
    expectScimError(await call("GET", "/Users", undefined, other.data.secret), 401);
    // Only with the Security settings permission.
    await actAs(db, "mia@acme.dev");
    expect(await createScimTokenAction({ name: "Mine" })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "FORBIDDEN" })] });
  });

  it("creates, gets, filters and paginates users", async () => {
    const created = await call("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "Pia.Provisioned@Example.com", name: { givenName: "Pia", familyName: "Provisioned" }, externalId: "okta-123", active: true });
    expect(created.status).toBe(201);
    expect(created.type).toContain("application/scim+json");
    expect(created.body).toMatchObject({ userName: "pia.provisioned@example.com", displayName: "Pia Provisioned", externalId: "okta-123", active: true, meta: { resourceType: "User", location: `${base}/Users/${created.body.id}` } });
    // She joined like an invited member: the default role, audited.
    const member = await db.workspaceMember.findUniqueOrThrow({ where: { id: created.body.id }, include: { role: true } });
    expect(member.role.name).toBe("Member");

    expect((await call("GET", `/Users/${created.body.id}`)).body).toMatchObject({ id: created.body.id, userName: "pia.provisioned@example.com" });
    expectScimError(await call("GET", "/Users/nope"), 404);
    expectScimError(await call("POST", "/Users", { userName: "pia.provisioned@example.com" }), 409, "uniqueness");
    expectScimError(await call("POST", "/Users", { userName: "not an email" }), 400, "invalidValue");
    expectScimError(await call("POST", "/Users", "{nope"), 400, "invalidSyntax");

    const found = await call("GET", `/Users?filter=${encodeURIComponent('userName eq "PIA.provisioned@example.com"')}`);
    expect(found.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [{ id: created.body.id }] });
    expect((await call("GET", `/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`)).body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await call("GET", `/Users?filter=${encodeURIComponent('externalId eq "okta-123"')}`)).body.totalResults).toBe(1);
    expectScimError(await call("GET", `/Users?filter=${encodeURIComponent('name.familyName co "x"')}`), 400, "invalidFilter");

    const all = await call("GET", "/Users?count=1000");
    const total = all.body.totalResults as number;
    expect(total).toBe(await db.workspaceMember.count());
    const pages: string[] = [];
    for (let start = 1; start <= total; start += 3) {
      const page = await call("GET", `/Users?startIndex=${start}&count=3`);
      expect(page.body).toMatchObject({ totalResults: total, startIndex: start });
      pages.push(...page.body.Resources.map((user: { id: string }) => user.id));
    }
    expect(pages).toEqual(all.body.Resources.map((user: { id: string }) => user.id));
    expect((await call("GET", "/Users?count=0")).body).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
  });

  it("patches and replaces a user; active=false ends her sessions and her sign-in, active=true lets her back", async () => {
    const created = await call("POST", "/Users", { userName: "dan.deactivated@example.com", displayName: "Dan" });
    const id = created.body.id as string;
    const renamed = await call("PATCH", `/Users/${id}`, { schemas: [PATCH], Operations: [{ op: "replace", path: "displayName", value: "Dan Deactivated" }] });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe("Dan Deactivated");

    // Dan has a session (he signed in once).
    const member = await db.workspaceMember.findUniqueOrThrow({ where: { id }, include: { user: true } });
    await db.user.update({ where: { id: member.userId }, data: { mustChangePassword: false, passwordHash: (await db.user.findFirstOrThrow({ where: { email: "mia@acme.dev" } })).passwordHash } });
    const session = await startSession(db, member.userId);
    expect(await isLiveSession(db, member.userId, session)).toBe(true);

    // Entra ID's shape: no path, a string boolean.
    const off = await call("PATCH", `/Users/${id}`, { schemas: [PATCH], Operations: [{ op: "Replace", value: { active: "False" } }] });
    expect(off.body.active).toBe(false);
    expect(await isLiveSession(db, member.userId, session)).toBe(false);
    await expect(authenticate(db, "dan.deactivated@example.com", "rolecall-demo", { address: "203.0.113.9" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await db.auditLog.count({ where: { action: "member.deactivated", targetId: id } })).toBe(1);

    const on = await call("PUT", `/Users/${id}`, { userName: "dan.deactivated@example.com", displayName: "Dan Deactivated", active: true });
    expect(on.body.active).toBe(true);
    expect((await authenticate(db, "dan.deactivated@example.com", "rolecall-demo", { address: "203.0.113.9" })).id).toBe(member.userId);
    expectScimError(await call("PATCH", `/Users/${id}`, { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: "maybe" }] }), 400, "invalidValue");
    expectScimError(await call("PATCH", `/Users/${id}`, { Operations: [{ op: "move", path: "active", value: true }] }), 400, "invalidSyntax");

    expect((await call("DELETE", `/Users/${id}`)).status).toBe(204);
    expectScimError(await call("GET", `/Users/${id}`), 404);
  });

  it("drives Group mappings with groups: joining a group gives its grant, leaving takes it away", async () => {
    const { roleId } = await loadDemo(db);
    // The demo's permission set (docs/reference.md §17): Export CSV, nothing else.
    const exportSet = { id: roleId("Export for audit") };
    expect((await addGroupMappingAction({ group: "crm-guests", grantId: roleId("Guest") })).ok).toBe(true);
    expect((await addGroupMappingAction({ group: "auditors", grantId: exportSet.id })).ok).toBe(true);
    const user = await call("POST", "/Users", { userName: "gina.group@example.com", displayName: "Gina Group" });
    const id = user.body.id as string;

    const group = await call("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "crm-guests", members: [{ value: id }] });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ displayName: "crm-guests", members: [{ value: id, display: "Gina Group" }] });
    const role = async () => (await db.workspaceMember.findUniqueOrThrow({ where: { id }, include: { role: true } })).role.name;
    const sets = async () => (await db.permissionSetAssignment.findMany({ where: { principalId: id }, include: { set: true } })).map((row) => row.set.name);
    expect(await role()).toBe("Guest");
    expect((await call("GET", `/Users/${id}`)).body.groups).toEqual([expect.objectContaining({ value: group.body.id, display: "crm-guests" })]);
    expect((await call("GET", `/Groups?filter=${encodeURIComponent('displayName eq "CRM-Guests"')}`)).body.totalResults).toBe(1);
    expectScimError(await call("POST", "/Groups", { displayName: "crm-guests" }), 409, "uniqueness");

    const auditors = await call("POST", "/Groups", { displayName: "auditors" });
    const added = await call("PATCH", `/Groups/${auditors.body.id}`, { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: id }] }] });
    expect(added.body.members).toHaveLength(1);
    expect(await sets()).toEqual(["Export for audit"]);

    // Okta's and Entra ID's removal: a filtered path.
    await call("PATCH", `/Groups/${auditors.body.id}`, { schemas: [PATCH], Operations: [{ op: "remove", path: `members[value eq "${id}"]` }] });
    expect(await sets()).toEqual([]);
    // Out of every mapped group: back to the default role.
    await call("PATCH", `/Groups/${group.body.id}`, { schemas: [PATCH], Operations: [{ op: "replace", path: "members", value: [] }] });
    expect(await role()).toBe("Member");
    await call("PUT", `/Groups/${group.body.id}`, { displayName: "crm-guests", members: [{ value: id }] });
    expect(await role()).toBe("Guest");
    expect((await call("DELETE", `/Groups/${group.body.id}`)).status).toBe(204);
    expect(await role()).toBe("Member");
    expectScimError(await call("PATCH", `/Groups/${auditors.body.id}`, { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: "no-such-member" }] }] }), 400, "invalidValue");
    expectScimError(await call("GET", "/Nope"), 404);
  });

  it("acts with the token creator's authority: a creator without Members, or without the grant, is refused", async () => {
    const { workspace, roleId } = await loadDemo(db);
    // Noah holds Security and Members but only what Guest holds: he cannot give the Admin role by a group.
    const role = await createRole(db, workspace.id, {} as ObjectIndex, { name: "Identity admin", canSeeAllObjects: true, canEditAllObjects: true, canDeleteAllObjects: true, actionsAllAccess: true, settings: ["SECURITY", "MEMBERS"] });
    const noah = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "noah@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: noah.id }, data: { roleId: role.id } });
    await actAs(db, "noah@acme.dev");
    expect(await addGroupMappingAction({ group: "admins", grantId: roleId("Admin") })).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: "ADMIN_ONLY" })] });
    const noahs = await createScimTokenAction({ name: "Noah's IdP" });
    if (!noahs.ok) throw new Error("no token");
    const admin = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "ada@acme.dev" } } });
    // Deactivating an Admin is the Admins' call.
    expectScimError(await call("PATCH", `/Users/${admin.id}`, { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: false }] }, noahs.data.secret), 403);
    expect((await db.workspaceMember.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
    // Noah loses Members: his token can read and write nothing.
    await db.roleSettingPermission.deleteMany({ where: { roleId: role.id, setting: "MEMBERS" } });
    await db.role.update({ where: { id: role.id }, data: { version: { increment: 1 } } });
    expectScimError(await call("GET", "/Users", undefined, noahs.data.secret), 403);
    expectScimError(await call("POST", "/Users", { userName: "eve@example.com" }, noahs.data.secret), 403);
  });
});
