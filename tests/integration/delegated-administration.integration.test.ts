/**
 * SPEC §11 through the server actions, as a determined member of a lesser role would try it:
 * nobody grants what they do not hold, only Admins touch Admin, nobody locks themselves out of
 * roles, and every refusal leaves every table exactly as it was.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { fullTableSnapshot, type ActionOutcome } from "./refusal";
import { assignRoleAction, createRoleAction, deleteRoleAction, importRoleAction, setDefaultRoleAction, unassignRoleAction, updateRoleAction } from "@/app/settings/roles/actions";
import { inviteMemberAction } from "@/app/settings/members/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/settings/api-keys/actions";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { toRoleFile } from "@/lib/roles/role-file";
import { createMember, createRole, type ObjectIndex } from "@/prisma/factories";
import en from "@/messages/en.json";

const db = useDemoDatabase();
const te = createTranslator({ locale: "en", messages: en, namespace: "errors" });

let workspaceId: string;
let roleId: (name: string) => string;
let managerRoleId: string;
let managerMemberId: string;

/** Rhea manages roles, members and keys, and sees every record: nothing more. */
const MANAGER = { name: "Role manager", canSeeAllObjects: true, settings: ["ROLES", "MEMBERS", "API_KEYS_AND_WEBHOOKS"] as const };

beforeAll(async () => {
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  roleId = demo.roleId;
  const role = await createRole(db, workspaceId, {} as ObjectIndex, { ...MANAGER, settings: [...MANAGER.settings] });
  managerRoleId = role.id;
  managerMemberId = (await createMember(db, { workspaceId, roleId: role.id, email: "rhea@acme.dev", name: "Rhea Manager" })).id;
});

beforeEach(async () => {
  await actAs(db, "rhea@acme.dev");
});

async function expectRefused(call: () => Promise<ActionOutcome & { errors?: { code: string; field?: string; params?: Record<string, string | number> }[] }>, code: string) {
  const before = await fullTableSnapshot(db);
  const result = await call();
  expect(result.ok).toBe(false);
  expect(result.errors?.[0]?.code).toBe(code);
  expect(await fullTableSnapshot(db)).toBe(before);
  return result.errors![0];
}

const draft = (changes: Partial<RoleDraft>): RoleDraft => ({ ...EMPTY_ROLE_DRAFT, ...changes });
const managerDraft = async () => (await loadRoleForEditor(db, workspaceId, managerRoleId)).draft;
const managerVersion = async () => (await db.role.findUniqueOrThrow({ where: { id: managerRoleId } })).version;
const member = async (email: string) => db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });

describe("roles: nobody grants what they do not hold", () => {
  it("refuses a role with Edit records on all objects, naming the first permission beyond the actor's", async () => {
    const error = await expectRefused(() => createRoleAction(draft({ name: "Editors", canSeeAllObjects: true, canEditAllObjects: true })), "EXCEEDS_AUTHORITY");
    expect(error.params).toMatchObject({ kind: "object", action: "edit", object: "People" });
    expect(te("EXCEEDS_AUTHORITY", error.params)).toBe("You cannot grant permissions that your own role does not have. Not in your role: Edit records on People.");
  });

  it("refuses to turn on Settings all access on one's own role, and nothing changes", async () => {
    const current = await managerDraft();
    const error = await expectRefused(() => updateRoleAction({ roleId: managerRoleId, version: 1, draft: { ...current, settingsAllAccess: true } }), "EXCEEDS_AUTHORITY");
    expect(error.params).toMatchObject({ kind: "setting", key: "WORKSPACE" });
    expect(error.field).toBe("settings.WORKSPACE");
  });

  it("refuses an action, a hidden field and an import beyond the actor's", async () => {
    const error = await expectRefused(() => createRoleAction(draft({ name: "Exporters", canSeeAllObjects: true, actions: ["EXPORT_CSV"] })), "EXCEEDS_AUTHORITY");
    expect(te("EXCEEDS_AUTHORITY", error.params)).toContain("Not in your role: Export CSV.");
    const file = toRoleFile(draft({ name: "Imported", canSeeAllObjects: true, canDeleteAllObjects: true }));
    await expectRefused(() => importRoleAction({ text: JSON.stringify(file) }), "EXCEEDS_AUTHORITY");
  });

  it("accepts a role within the actor's authority and lets the actor narrow their own role", async () => {
    const created = await createRoleAction(draft({ name: "Readers", canSeeAllObjects: true, settings: ["ROLES"] }));
    expect(created.ok).toBe(true);
    const current = await managerDraft();
    const narrowed = await updateRoleAction({ roleId: managerRoleId, version: await managerVersion(), draft: { ...current, settings: ["ROLES", "MEMBERS"] } });
    expect(narrowed).toEqual({ ok: true, data: { version: 2 } });
    // Put the API keys permission back (as an Admin: it is beyond Rhea now).
    await actAs(db, "admin@acme.dev");
    expect((await updateRoleAction({ roleId: managerRoleId, version: 2, draft: { ...current } })).ok).toBe(true);
  });

  it("never lets the actor remove their own access to roles", async () => {
    const current = await managerDraft();
    const error = await expectRefused(
      () => updateRoleAction({ roleId: managerRoleId, version: 3, draft: { ...current, settings: ["MEMBERS", "API_KEYS_AND_WEBHOOKS"] } }),
      "OWN_ROLES_ACCESS",
    );
    expect(te(error.code as "OWN_ROLES_ACCESS")).toBe("You cannot remove your own access to roles.");
  });
});

describe("assignment: only within authority, and only Admins touch Admin", () => {
  it("refuses Admin to any member or API key, and changing an Admin's role", async () => {
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "Default integration" } });
    const guest = await member("gus@acme.dev");
    const admin = await member("ada@acme.dev");
    expect(te("ADMIN_ONLY")).toBe("Only an Admin can do this.");
    await expectRefused(() => assignRoleAction({ roleId: roleId("Admin"), target: { kind: "apiKey", id: key.id } }), "ADMIN_ONLY");
    await expectRefused(() => assignRoleAction({ roleId: roleId("Admin"), target: { kind: "member", id: guest.id } }), "ADMIN_ONLY");
    await expectRefused(() => assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: admin.id } }), "ADMIN_ONLY");
    await expectRefused(() => unassignRoleAction({ roleId: roleId("Admin"), target: { kind: "member", id: admin.id } }), "ADMIN_ONLY");
  });

  it("refuses a new role beyond the actor's, and moving a principal whose current role is beyond it", async () => {
    const guest = await member("gus@acme.dev");
    const mia = await member("mia@acme.dev");
    await expectRefused(() => assignRoleAction({ roleId: roleId("Member"), target: { kind: "member", id: guest.id } }), "EXCEEDS_AUTHORITY");
    await expectRefused(() => assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: mia.id } }), "EXCEEDS_AUTHORITY");
    // A key without a role acts with the default role (Member), beyond Rhea's.
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "Default integration" } });
    await expectRefused(() => assignRoleAction({ roleId: roleId("Guest"), target: { kind: "apiKey", id: key.id } }), "EXCEEDS_AUTHORITY");
  });

  it("moves a principal between roles within authority", async () => {
    const readers = await db.role.create({ data: { workspaceId, name: "Viewers", nameKey: "viewers", canSeeAllObjects: true } });
    const guest = await member("gus@acme.dev");
    expect(await assignRoleAction({ roleId: readers.id, target: { kind: "member", id: guest.id } })).toEqual({ ok: true, data: undefined });
    expect(await assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: guest.id } })).toEqual({ ok: true, data: undefined });
  });

  it("refuses a default role, an invitation and a role-less key beyond the actor's", async () => {
    // The default role (Member) edits and deletes records: Rhea does not.
    await expectRefused(() => setDefaultRoleAction({ roleId: roleId("Guest") }), "EXCEEDS_AUTHORITY");
    await expectRefused(() => inviteMemberAction({ name: "Trojan Horse", email: "trojan@acme.dev" }), "EXCEEDS_AUTHORITY");
    await expectRefused(() => createApiKeyAction({ name: "Skeleton key" }), "EXCEEDS_AUTHORITY");
    await expectRefused(() => createApiKeyAction({ name: "Admin key", roleId: roleId("Admin") }), "ADMIN_ONLY");
    expect((await createApiKeyAction({ name: "Guest key", roleId: roleId("Guest") })).ok).toBe(true);
  });

  it("refuses deleting a role whose holders would move to a default role beyond the actor's", async () => {
    await actAs(db, "admin@acme.dev");
    const held = await createRoleAction(draft({ name: "Held", canSeeAllObjects: true }));
    if (!held.ok) throw new Error("setup failed");
    const guest = await member("gus@acme.dev");
    expect((await assignRoleAction({ roleId: held.data.id, target: { kind: "member", id: guest.id } })).ok).toBe(true);
    await actAs(db, "rhea@acme.dev");
    await expectRefused(() => deleteRoleAction({ roleId: held.data.id }), "EXCEEDS_AUTHORITY");
    await actAs(db, "admin@acme.dev");
    expect((await assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: guest.id } })).ok).toBe(true);
    await actAs(db, "rhea@acme.dev");
    expect((await deleteRoleAction({ roleId: held.data.id })).ok).toBe(true);
  });

  it("refuses revoking an Admin key to a non-Admin", async () => {
    await actAs(db, "admin@acme.dev");
    const created = await createApiKeyAction({ name: "Admin automation", roleId: roleId("Admin") });
    if (!created.ok) throw new Error("setup failed");
    await actAs(db, "rhea@acme.dev");
    await expectRefused(() => revokeApiKeyAction({ keyId: created.data.id }), "ADMIN_ONLY");
  });

  it("judges the actor by the role they hold now, not the one their request began with", async () => {
    // Rhea is demoted to Guest by an Admin; her next action has a Guest's authority (and no Roles).
    await db.workspaceMember.update({ where: { id: managerMemberId }, data: { roleId: roleId("Guest") } });
    await expectRefused(() => createRoleAction(draft({ name: "Late", canSeeAllObjects: true })), "FORBIDDEN");
    await db.workspaceMember.update({ where: { id: managerMemberId }, data: { roleId: managerRoleId } });
  });
});

describe("compare (SPEC §14)", () => {
  it("lists only where two roles differ, with each side's value and source", async () => {
    const { compareRoles } = await import("@/lib/roles/compare");
    const rows = await compareRoles(db, workspaceId, roleId("Intern"), roleId("Guest"));
    const permissions = rows.map((row) => row.permission);
    expect(permissions).toHaveLength(5);
    expect(permissions).toEqual(
      expect.arrayContaining([
        { kind: "action", key: "EXPORT_CSV" },
        { kind: "object", action: "see", object: "opportunity" },
        { kind: "field", action: "see", object: "person", field: "address" },
        { kind: "object", action: "create", object: "person" },
        { kind: "object", action: "edit", object: "person" },
      ]),
    );
    const see = rows.find((row) => row.permission.kind === "object" && row.permission.action === "see")!;
    expect(see.first).toEqual({ allowed: false, source: "objectRule" });
    expect(see.second).toEqual({ allowed: true, source: "baseline" });
    expect(await compareRoles(db, workspaceId, roleId("Guest"), roleId("Guest"))).toEqual([]);
  });

  it("compares a member (role and sets together) with a role, and a set with a role (SPEC §17)", async () => {
    const { compareGrants, memberComparable } = await import("@/lib/roles/compare");
    const olivia = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId, user: { email: "olivia@acme.dev" } } });
    const rows = await compareGrants(db, workspaceId, memberComparable(olivia.id), roleId("Guest"));
    expect(rows?.map((row) => row.permission)).toEqual([{ kind: "action", key: "EXPORT_CSV" }]);
    expect(rows?.[0].first.allowed).toBe(true);
    const set = await db.role.findFirstOrThrow({ where: { workspaceId, name: "Export for audit" } });
    expect((await compareGrants(db, workspaceId, set.id, roleId("Guest")))?.length).toBeGreaterThan(1);
    expect(await compareGrants(db, workspaceId, "member:someone-else", roleId("Guest"))).toBeNull();
  });
});
