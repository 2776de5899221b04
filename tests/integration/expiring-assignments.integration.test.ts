/**
 * Expiring assignments (SPEC §13) on a real database: the role applies until the instant, the
 * default after it, on every channel's principal; the expiry is recorded and audited once; the
 * workspace always keeps a lasting Admin.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { assignRoleAction } from "@/app/settings/roles/actions";
import { apiKeyPrincipal, memberPrincipal } from "@/lib/access/principal";
import { expireDueAssignments } from "@/lib/roles/expiry";
import { can } from "@/lib/permissions";

const db = useDemoDatabase();
let workspaceId: string;
let roleId: (name: string) => string;
const member = (email: string) => db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });

beforeAll(async () => {
  ({ workspace: { id: workspaceId }, roleId } = await loadDemo(db));
});

describe("expiring assignments", () => {
  it("a member holds the role until the instant, then the default role; the expiry is audited once", async () => {
    await actAs(db, "admin@acme.dev");
    const noah = await member("noah@acme.dev");
    const until = new Date(Date.now() + 60 * 60_000);
    expect(await assignRoleAction({ roleId: roleId("Intern"), target: { kind: "member", id: noah.id }, until: until.toISOString() })).toEqual({ ok: true, data: undefined });
    expect((await member("noah@acme.dev")).roleExpiresAt?.getTime()).toBe(until.getTime());

    const before = await memberPrincipal(db, noah.id, new Date(until.getTime() - 1));
    expect(before!.roleId).toBe(roleId("Intern"));
    expect(can(before!.permissions, "see", "opportunity")).toBe(false);
    const at = await memberPrincipal(db, noah.id, until);
    expect(at!.roleId).toBe(roleId("Member"));
    expect(can(at!.permissions, "see", "opportunity")).toBe(true);

    expect(await expireDueAssignments(db, workspaceId, new Date(until.getTime() - 1))).toBe(0);
    expect(await expireDueAssignments(db, workspaceId, until)).toBe(1);
    expect(await expireDueAssignments(db, workspaceId, until)).toBe(0);
    expect(await member("noah@acme.dev")).toMatchObject({ roleId: roleId("Member"), roleExpiresAt: null });
    const audit = await db.auditLog.findMany({ where: { action: "role.expired", targetId: noah.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "system", actorId: null, roleId: roleId("Intern") });
    expect(JSON.parse(audit[0].after!)).toEqual({ role: "Member" });
  });

  it("an API key returns to no role (the default role's permissions) at the instant, over REST's own lookup", async () => {
    await actAs(db, "admin@acme.dev");
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "Default integration" } });
    const until = new Date(Date.now() + 60 * 60_000);
    expect((await assignRoleAction({ roleId: roleId("Guest"), target: { kind: "apiKey", id: key.id }, until: until.toISOString() })).ok).toBe(true);
    const before = await apiKeyPrincipal(db, "demo-default-key", new Date(until.getTime() - 1000));
    expect(before.ok && before.principal.roleId).toBe(roleId("Guest"));
    const after = await apiKeyPrincipal(db, "demo-default-key", new Date(until.getTime() + 1000));
    expect(after.ok && after.principal.roleId).toBe(roleId("Member"));
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toMatchObject({ roleId: null, roleExpiresAt: null });
    expect(await db.auditLog.count({ where: { action: "role.expired", targetId: key.id } })).toBe(1);
  });

  it("refuses an Until in the past", async () => {
    await actAs(db, "admin@acme.dev");
    const gus = await member("gus@acme.dev");
    const result = await assignRoleAction({ roleId: roleId("Intern"), target: { kind: "member", id: gus.id }, until: new Date(Date.now() - 1000).toISOString() });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: "VALIDATION_FAILED", field: "until" })] });
    expect((await member("gus@acme.dev")).roleId).toBe(roleId("Guest"));
  });

  it("keeps a lasting Admin: an expiring Admin does not count", async () => {
    const ada = await member("ada@acme.dev");
    const alex = await member("admin@acme.dev");
    const until = new Date(Date.now() + 60 * 60_000).toISOString();
    await actAs(db, "admin@acme.dev");
    // Ada's Admin now ends tomorrow: Alex is the only lasting Admin.
    expect(await assignRoleAction({ roleId: roleId("Admin"), target: { kind: "member", id: ada.id }, until })).toEqual({ ok: true, data: undefined });
    await actAs(db, "ada@acme.dev");
    expect(await assignRoleAction({ roleId: roleId("Admin"), target: { kind: "member", id: alex.id }, until })).toMatchObject({ ok: false, errors: [{ code: "LAST_ADMIN" }] });
    expect(await assignRoleAction({ roleId: roleId("Member"), target: { kind: "member", id: alex.id } })).toMatchObject({ ok: false, errors: [{ code: "LAST_ADMIN" }] });
    expect(await member("admin@acme.dev")).toMatchObject({ roleId: roleId("Admin"), roleExpiresAt: null });
    // Alex makes Ada's Admin lasting again.
    await actAs(db, "admin@acme.dev");
    expect(await assignRoleAction({ roleId: roleId("Admin"), target: { kind: "member", id: ada.id } })).toEqual({ ok: true, data: undefined });
    expect((await member("ada@acme.dev")).roleExpiresAt).toBeNull();
  });
});
