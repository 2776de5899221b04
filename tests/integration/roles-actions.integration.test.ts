import { beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import {
  importRoleAction,
  assignRoleAction,
  createRoleAction,
  deleteRoleAction,
  setDefaultRoleAction,
  unassignRoleAction,
  updateRoleAction,
} from "@/app/settings/roles/actions";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { toRoleFile } from "@/lib/roles/role-file";
import { createTestWorkspace } from "@/prisma/test-workspace";
import { sameDraft } from "@/lib/roles/draft-edits";
import { BASELINE_SWITCHES } from "@/lib/permissions";

const db = useDemoDatabase();

/** Everything the role tables hold, to prove a refused action changed nothing. */
async function snapshot() {
  const [roles, objectRules, fieldRules, settings, actions, members, keys, agents, workspace, audit] = await Promise.all([
    db.role.findMany({ orderBy: { id: "asc" } }),
    db.objectPermission.findMany({ orderBy: { id: "asc" } }),
    db.fieldPermission.findMany({ orderBy: { id: "asc" } }),
    db.roleSettingPermission.findMany({ orderBy: [{ roleId: "asc" }, { setting: "asc" }] }),
    db.roleActionPermission.findMany({ orderBy: [{ roleId: "asc" }, { action: "asc" }] }),
    db.workspaceMember.findMany({ orderBy: { id: "asc" } }),
    db.apiKey.findMany({ orderBy: { id: "asc" } }),
    db.agent.findMany({ orderBy: { id: "asc" } }),
    db.workspace.findMany(),
    db.auditLog.count(),
  ]);
  return JSON.stringify({ roles, objectRules, fieldRules, settings, actions, members, keys, agents, workspace, audit });
}

const draft = (changes: Partial<RoleDraft> = {}): RoleDraft => ({ ...EMPTY_ROLE_DRAFT, name: "Support", ...changes });

async function expectRefused(promise: Promise<{ ok: boolean; errors?: { code: string; field?: string }[] }>, code: string, field?: string) {
  const before = await snapshot();
  const result = await promise;
  expect(result.ok).toBe(false);
  expect(result.errors).toContainEqual(field ? expect.objectContaining({ code, field }) : expect.objectContaining({ code }));
  expect(await snapshot()).toBe(before);
}

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("create role", () => {
  it("creates the guide's Intern example and reads it back rule by rule", async () => {
    const result = await createRoleAction(
      draft({
        name: "  Stagiaire  ",
        actions: ["EXPORT_CSV"],
        objectRules: [
          { object: "opportunity", canSee: false, canCreate: null, canEdit: null, canDelete: null, canDestroy: null },
          { object: "person", canSee: null, canCreate: true, canEdit: true, canDelete: null, canDestroy: null },
        ],
        fieldRules: [
          { object: "person", field: "email", canSee: true, canEdit: false },
          { object: "person", field: "address", canSee: false, canEdit: false },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { workspace } = await loadDemo(db);
    const saved = await loadRoleForEditor(db, workspace.id, result.data.id);
    expect(saved.draft.name).toBe("Stagiaire");
    expect(saved.draft.objectRules).toHaveLength(2);
    expect(saved.draft.fieldRules).toContainEqual({ object: "person", field: "address", canSee: false, canEdit: false });
    expect(await db.auditLog.count({ where: { action: "role.created", targetId: result.data.id } })).toBe(1);
  });

  it("accepts a Japanese name and refuses empty, too long and duplicate names, changing nothing", async () => {
    expect((await createRoleAction(draft({ name: "営業チーム" }))).ok).toBe(true);
    await expectRefused(createRoleAction(draft({ name: "   " })), "ROLE_NAME_REQUIRED", "name");
    await expectRefused(createRoleAction(draft({ name: "x".repeat(101) })), "ROLE_NAME_TOO_LONG", "name");
    await expectRefused(createRoleAction(draft({ name: " guest " })), "ROLE_NAME_TAKEN", "name");
    await expectRefused(createRoleAction(draft({ name: "営業チーム" })), "ROLE_NAME_TAKEN", "name");
  });

  it("refuses edit without see at every level, naming the control", async () => {
    await expectRefused(createRoleAction(draft({ name: "A", canSeeAllObjects: false, canEditAllObjects: true })), "EDIT_WITHOUT_SEE", "baseline.edit");
    await expectRefused(
      createRoleAction(draft({ name: "B", objectRules: [{ object: "task", canSee: false, canCreate: null, canEdit: true, canDelete: null, canDestroy: null }] })),
      "EDIT_WITHOUT_SEE",
    );
    await expectRefused(
      createRoleAction(draft({ name: "C", fieldRules: [{ object: "person", field: "email", canSee: false, canEdit: true }] })),
      "EDIT_WITHOUT_SEE",
      "field.person.email",
    );
  });

  it("refuses malformed input without touching the database", async () => {
    await expectRefused(createRoleAction({ name: 42 }), "VALIDATION_FAILED");
    await expectRefused(createRoleAction(draft({ settings: ["EVERYTHING" as never] })), "VALIDATION_FAILED");
    await expectRefused(createRoleAction(draft({ icon: "skull" })), "VALIDATION_FAILED", "icon");
    await expectRefused(
      createRoleAction(draft({ objectRules: [{ object: "spaceship", canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null }] })),
      "UNKNOWN_OBJECT",
    );
  });
});

describe("permission to manage roles", () => {
  it("refuses every action to a member without the Roles setting, and to a signed-out caller", async () => {
    const { roleId } = await loadDemo(db);
    for (const email of ["mia@acme.dev", "gus@acme.dev", "ian@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(createRoleAction(draft({ name: `By ${email}` })), "FORBIDDEN");
      await expectRefused(deleteRoleAction({ roleId: roleId("Guest") }), "FORBIDDEN");
      await expectRefused(setDefaultRoleAction({ roleId: roleId("Guest") }), "FORBIDDEN");
    }
    await actAs(db, null);
    await expectRefused(createRoleAction(draft()), "UNAUTHENTICATED");
  });
});

describe("update role", () => {
  it("saves with the version it read and refuses the later of two saves from the same version", async () => {
    const { roleId, workspace } = await loadDemo(db);
    const guest = await loadRoleForEditor(db, workspace.id, roleId("Guest"));
    const first = await updateRoleAction({ roleId: guest.id, version: guest.version, draft: { ...guest.draft, description: "First" } });
    expect(first).toEqual({ ok: true, data: { version: guest.version + 1 } });
    await expectRefused(updateRoleAction({ roleId: guest.id, version: guest.version, draft: { ...guest.draft, description: "Second" } }), "VERSION_CONFLICT");
    expect((await loadRoleForEditor(db, workspace.id, guest.id)).draft.description).toBe("First");
  });

  it("never changes the Admin role", async () => {
    const { roleId, workspace } = await loadDemo(db);
    const admin = await loadRoleForEditor(db, workspace.id, roleId("Admin"));
    await expectRefused(updateRoleAction({ roleId: admin.id, version: admin.version, draft: { ...admin.draft, [BASELINE_SWITCHES.destroy]: false } }), "ADMIN_NOT_EDITABLE");
  });
});

describe("delete role", () => {
  it("moves members, keys and agents to the default role in one go and says how many moved", async () => {
    const { roleId } = await loadDemo(db);
    const created = await createRoleAction(draft({ name: "Temporary" }));
    if (!created.ok) throw new Error("setup failed");
    const mia = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "mia@acme.dev" } } });
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "Default integration" } });
    expect((await assignRoleAction({ roleId: created.data.id, target: { kind: "member", id: mia.id } })).ok).toBe(true);
    expect((await assignRoleAction({ roleId: created.data.id, target: { kind: "apiKey", id: key.id } })).ok).toBe(true);

    const result = await deleteRoleAction({ roleId: created.data.id });
    expect(result).toMatchObject({ ok: true, data: { movedMembers: 1, movedApiKeys: 1, movedAgents: 0, defaultRoleName: "Member" } });
    expect((await db.workspaceMember.findUniqueOrThrow({ where: { id: mia.id } })).roleId).toBe(roleId("Member"));
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).roleId).toBeNull();
  });

  it("refuses to delete Admin or the default role", async () => {
    const { roleId } = await loadDemo(db);
    await expectRefused(deleteRoleAction({ roleId: roleId("Admin") }), "ADMIN_NOT_DELETABLE");
    await expectRefused(deleteRoleAction({ roleId: roleId("Member") }), "DEFAULT_ROLE_NOT_DELETABLE");
  });
});

describe("default role", () => {
  it("switches the default and refuses Admin as default", async () => {
    const { roleId } = await loadDemo(db);
    expect((await setDefaultRoleAction({ roleId: roleId("Guest") })).ok).toBe(true);
    expect((await db.workspace.findFirstOrThrow()).defaultRoleId).toBe(roleId("Guest"));
    await expectRefused(setDefaultRoleAction({ roleId: roleId("Admin") }), "ROLE_NOT_ASSIGNABLE");
    expect((await setDefaultRoleAction({ roleId: roleId("Member") })).ok).toBe(true);
  });
});

describe("assignment", () => {
  it("refuses malformed assignments and unknown principals, changing nothing", async () => {
    const { roleId } = await loadDemo(db);
    await expectRefused(assignRoleAction({ roleId: roleId("Guest"), target: { kind: "robot", id: "x" } }), "VALIDATION_FAILED");
    await expectRefused(assignRoleAction({ roleId: roleId("Guest") }), "VALIDATION_FAILED");
    await expectRefused(assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: "no-such-member" } }), "NOT_FOUND");
    await expectRefused(assignRoleAction({ roleId: "no-such-role", target: { kind: "member", id: "x" } }), "NOT_FOUND");
    await expectRefused(unassignRoleAction({ roleId: roleId("Guest"), target: { kind: "apiKey", id: "no-such-key" } }), "NOT_FOUND");
    await expectRefused(setDefaultRoleAction({ roleId: 42 }), "VALIDATION_FAILED");
    await expectRefused(deleteRoleAction({}), "VALIDATION_FAILED");
    await expectRefused(updateRoleAction({ roleId: roleId("Guest"), version: "1", draft: {} }), "VALIDATION_FAILED");
  });

  it("never reaches into another workspace", async () => {
    const other = await createTestWorkspace(db);
    const mia = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "mia@acme.dev" } } });
    await expectRefused(assignRoleAction({ roleId: other.roles.Guest.id, target: { kind: "member", id: mia.id } }), "NOT_FOUND");
    const { roleId } = await loadDemo(db);
    await expectRefused(assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: other.members[0].id } }), "NOT_FOUND");
    await expectRefused(deleteRoleAction({ roleId: other.roles.Intern.id }), "NOT_FOUND");
    const otherRole = await loadRoleForEditor(db, other.workspace.id, other.roles.Guest.id);
    await expectRefused(updateRoleAction({ roleId: otherRole.id, version: otherRole.version, draft: otherRole.draft }), "NOT_FOUND");
  });

  it("never gives Admin to an AI agent", async () => {
    const { roleId } = await loadDemo(db);
    const agent = await db.agent.findFirstOrThrow();
    await expectRefused(assignRoleAction({ roleId: roleId("Admin"), target: { kind: "agent", id: agent.id } }), "ROLE_NOT_ASSIGNABLE");
  });

  it("refuses a member changing their own role", async () => {
    const { roleId } = await loadDemo(db);
    const me = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } });
    await expectRefused(assignRoleAction({ roleId: roleId("Guest"), target: { kind: "member", id: me.id } }), "OWN_ROLE");
    await expectRefused(unassignRoleAction({ roleId: roleId("Admin"), target: { kind: "member", id: me.id } }), "OWN_ROLE");
  });

  it("keeps at least one Admin even when many unassignments race", async () => {
    const { roleId } = await loadDemo(db);
    const adminId = roleId("Admin");
    const admins = await db.workspaceMember.findMany({ where: { roleId: adminId }, include: { user: true } });
    expect(admins).toHaveLength(2);
    // Each admin tries to demote the other, many times over, all at once.
    const [alex, ada] = admins;
    const attempts = [];
    for (let i = 0; i < 20; i++) {
      await actAs(db, alex.user.email);
      attempts.push(unassignRoleAction({ roleId: adminId, target: { kind: "member", id: ada.id } }));
      await actAs(db, ada.user.email);
      attempts.push(unassignRoleAction({ roleId: adminId, target: { kind: "member", id: alex.id } }));
    }
    await Promise.all(attempts);
    expect(await db.workspaceMember.count({ where: { roleId: adminId } })).toBeGreaterThanOrEqual(1);
  });
});

describe("roles as files", () => {
  it("imports an exported definition, and refuses broken files and invalid definitions without a trace", async () => {
    const { workspace, roleId } = await loadDemo(db);
    // Whichever Admin survived the race above (its winner varies, on PostgreSQL especially) acts here.
    const admin = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, roleId: roleId("Admin") }, include: { user: true } });
    await actAs(db, admin.user.email);
    const intern = await loadRoleForEditor(db, workspace.id, roleId("Intern"));
    const file = JSON.stringify(toRoleFile({ ...intern.draft, name: "Intern (imported)" }));
    const imported = await importRoleAction({ text: file });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const copy = await loadRoleForEditor(db, workspace.id, imported.data.id);
    expect(sameDraft(copy.draft, { ...intern.draft, name: "Intern (imported)" })).toBe(true);

    await expectRefused(importRoleAction({ text: "{not json" }), "VALIDATION_FAILED", "file");
    await expectRefused(importRoleAction({ text: JSON.stringify({ kind: "something else" }) }), "VALIDATION_FAILED");
    await expectRefused(importRoleAction({ text: file }), "ROLE_NAME_TAKEN", "name");
    const invalid = toRoleFile({ ...intern.draft, name: "Broken", canSeeAllObjects: false, canEditAllObjects: true });
    await expectRefused(importRoleAction({ text: JSON.stringify(invalid) }), "EDIT_WITHOUT_SEE");
    await actAs(db, "gus@acme.dev");
    await expectRefused(importRoleAction({ text: JSON.stringify(toRoleFile({ ...intern.draft, name: "By guest" })) }), "FORBIDDEN");
  });
});
