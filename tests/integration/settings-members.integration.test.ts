/**
 * Settings → Members through its server actions, as the browser calls them: the MEMBERS
 * permission, validation, the default role on invitation, and the last-Admin rule under races.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { actAs, testContext } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, fullTableSnapshot, type ActionOutcome } from "./refusal";
import { inviteMemberAction, removeMemberAction } from "@/app/settings/members/actions";
import { authenticate } from "@/lib/auth/authenticate";
import { listMembers } from "@/lib/members/queries";
import { createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

/** Every row of every table: a refused settings change leaves the whole database as it was. */
const snapshot = () => fullTableSnapshot(db);

const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(snapshot, call, code, field);

async function memberOf(email: string) {
  return db.workspaceMember.findFirstOrThrow({ where: { user: { email } }, include: { role: true, user: true } });
}

/** A role that opens the Members page only, held by the given demo members. */
async function peopleOpsRole(emails: string[]) {
  const { workspace } = await loadDemo(db);
  const role = await createRole(db, workspace.id, {} as ObjectIndex, { name: `People ops ${emails.join(",")}`, canSeeAllObjects: true, settings: ["MEMBERS"] });
  for (const email of emails) await db.workspaceMember.update({ where: { id: (await memberOf(email)).id }, data: { roleId: role.id } });
  return role;
}

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("permission", () => {
  it("refuses invite and remove to members without the Members setting and to a signed-out caller", async () => {
    const mia = await memberOf("mia@acme.dev");
    for (const email of ["mia@acme.dev", "gus@acme.dev", "ian@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(() => inviteMemberAction({ name: "Eve", email: "eve@acme.dev" }), "FORBIDDEN");
      await expectRefused(() => removeMemberAction({ memberId: mia.id }), "FORBIDDEN");
    }
    await actAs(db, null);
    await expectRefused(() => inviteMemberAction({ name: "Eve", email: "eve@acme.dev" }), "UNAUTHENTICATED");
    await expectRefused(() => removeMemberAction({ memberId: mia.id }), "UNAUTHENTICATED");
  });

  it("checks the permission before the input: a forbidden caller learns nothing from validation", async () => {
    await actAs(db, "gus@acme.dev");
    await expectRefused(() => inviteMemberAction({ name: "", email: "nope" }), "FORBIDDEN");
  });
});

describe("list", () => {
  it("lists every member by name with role and join date", async () => {
    const { workspace } = await loadDemo(db);
    const members = await listMembers(db, workspace.id);
    expect(members.map((member) => [member.email, member.roleName, member.isAdmin])).toEqual([
      ["ada@acme.dev", "Admin", true],
      ["admin@acme.dev", "Admin", true],
      ["gus@acme.dev", "Guest", false],
      ["ian@acme.dev", "Intern", false],
      ["lena@acme.dev", "Member", false],
      ["mia@acme.dev", "Member", false],
      ["noah@acme.dev", "Member", false],
      ["olivia@acme.dev", "Guest", false],
      ["sam@acme.dev", "Sales rep", false],
      ["yuki@acme.dev", "Member", false],
    ]);
    expect(members[0].joinedAt).toBeInstanceOf(Date);
  });
});

describe("invite", () => {
  it("refuses malformed input beside the field, changing nothing", async () => {
    await expectRefused(() => inviteMemberAction({ name: "   ", email: "eve@acme.dev" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => inviteMemberAction({ name: "x".repeat(101), email: "eve@acme.dev" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => inviteMemberAction({ name: "Eve", email: "not-an-email" }), "VALIDATION_FAILED", "email");
    await expectRefused(() => inviteMemberAction({ name: "Eve" }), "VALIDATION_FAILED", "email");
    await expectRefused(() => inviteMemberAction("Eve"), "VALIDATION_FAILED");
  });

  it("refuses an email already in use, whatever its case", async () => {
    await expectRefused(() => inviteMemberAction({ name: "Mia again", email: " MIA@acme.dev " }), "EMAIL_TAKEN", "email");
  });

  it("creates an account that joins with the default role and signs in with the temporary password shown once", async () => {
    const { workspace, roleId } = await loadDemo(db);
    const result = await inviteMemberAction({ name: "  Zoé Zhang ", email: " Zoe@Acme.dev " });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ name: "Zoé Zhang", email: "zoe@acme.dev", roleName: "Member" });
    expect(result.data.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const member = await memberOf("zoe@acme.dev");
    expect(member.roleId).toBe(roleId("Member"));
    expect(member.workspaceId).toBe(workspace.id);
    expect(member.user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(member.user.passwordHash).not.toContain(result.data.temporaryPassword);
    await expect(authenticate(db, "zoe@acme.dev", result.data.temporaryPassword)).resolves.toMatchObject({ email: "zoe@acme.dev" });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.invited", targetId: member.id } });
    expect(audit).toMatchObject({ actorType: "member", actorLabel: "Alex Admin", roleId: roleId("Member"), targetLabel: "Zoé Zhang" });
    expect(audit.after).not.toContain(result.data.temporaryPassword);
  });

  it("follows a change of the default role", async () => {
    const { workspace, roleId } = await loadDemo(db);
    await db.workspace.update({ where: { id: workspace.id }, data: { defaultRoleId: roleId("Guest") } });
    try {
      const result = await inviteMemberAction({ name: "Gabe Guest", email: "gabe@acme.dev" });
      expect(result).toMatchObject({ ok: true, data: { roleName: "Guest" } });
      expect((await memberOf("gabe@acme.dev")).roleId).toBe(roleId("Guest"));
    } finally {
      await db.workspace.update({ where: { id: workspace.id }, data: { defaultRoleId: roleId("Member") } });
    }
  });

  it("lets exactly one of two simultaneous invitations of one email through", async () => {
    const results = await Promise.all([
      inviteMemberAction({ name: "Twin A", email: "twin@acme.dev" }),
      inviteMemberAction({ name: "Twin B", email: "twin@acme.dev" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ errors: [{ code: "EMAIL_TAKEN", field: "email" }] });
    expect(await db.user.count({ where: { email: "twin@acme.dev" } })).toBe(1);
  });
});

describe("remove", () => {
  it("refuses removing yourself, an unknown member and malformed input", async () => {
    const me = await memberOf("admin@acme.dev");
    await expectRefused(() => removeMemberAction({ memberId: me.id }), "CANNOT_REMOVE_SELF");
    await expectRefused(() => removeMemberAction({ memberId: "no-such-member" }), "NOT_FOUND");
    await expectRefused(() => removeMemberAction({ memberId: "" }), "VALIDATION_FAILED", "memberId");
    await expectRefused(() => removeMemberAction({}), "VALIDATION_FAILED", "memberId");
  });

  it("removes a member and their account, audited with what they held", async () => {
    const invited = await inviteMemberAction({ name: "Short Stay", email: "short@acme.dev" });
    if (!invited.ok) throw new Error("setup failed");
    const result = await removeMemberAction({ memberId: invited.data.memberId });
    expect(result).toEqual({ ok: true, data: { name: "Short Stay" } });
    expect(await db.workspaceMember.count({ where: { id: invited.data.memberId } })).toBe(0);
    expect(await db.user.count({ where: { email: "short@acme.dev" } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "member.removed", targetId: invited.data.memberId } });
    expect(JSON.parse(audit.before!)).toEqual({ name: "Short Stay", email: "short@acme.dev", role: "Member" });
    // The email can be invited again.
    expect((await inviteMemberAction({ name: "Short Stay", email: "short@acme.dev" })).ok).toBe(true);
  });

  it("refuses a non-admin with the Members setting removing an Admin; an Admin may remove another Admin", async () => {
    const role = await peopleOpsRole(["noah@acme.dev"]);
    const ada = await memberOf("ada@acme.dev");
    const alex = await memberOf("admin@acme.dev");
    await actAs(db, "noah@acme.dev");
    await expectRefused(() => removeMemberAction({ memberId: ada.id }), "ADMIN_ONLY");
    await actAs(db, "admin@acme.dev");
    expect((await removeMemberAction({ memberId: ada.id })).ok).toBe(true);
    expect(await db.workspaceMember.count({ where: { role: { isAdmin: true } } })).toBe(1);
    // Restore Ada for the next test.
    await actAs(db, "admin@acme.dev");
    const back = await inviteMemberAction({ name: "Ada Lovelace", email: "ada@acme.dev" });
    if (!back.ok) throw new Error("setup failed");
    await db.workspaceMember.update({ where: { id: back.data.memberId }, data: { roleId: alex.roleId } });
    // Re-invited with a temporary password; the next test has her act as if she had chosen her own.
    await db.user.update({ where: { email: "ada@acme.dev" }, data: { mustChangePassword: false } });
    await db.workspaceMember.update({ where: { id: (await memberOf("noah@acme.dev")).id }, data: { roleId: (await loadDemo(db)).roleId("Member") } });
    await db.role.delete({ where: { id: role.id } });
  });

  it("keeps at least one Admin when many removals of every Admin race", async () => {
    await peopleOpsRole(["lena@acme.dev", "yuki@acme.dev"]);
    const admins = await db.workspaceMember.findMany({ where: { role: { isAdmin: true } }, include: { user: true } });
    expect(admins).toHaveLength(2);
    const removers = await db.user.findMany({ where: { email: { in: ["lena@acme.dev", "yuki@acme.dev"] } } });
    // Every call starts before any finishes: the session is switched synchronously between calls.
    const as = (userId: string, memberId: string) => {
      testContext.userId = userId;
      return removeMemberAction({ memberId });
    };
    const attempts: Promise<ActionOutcome>[] = [];
    for (let i = 0; i < 10; i++) {
      for (const remover of removers) for (const admin of admins) attempts.push(as(remover.id, admin.id));
      // The admins also try to remove each other.
      attempts.push(as(admins[0].userId, admins[1].id), as(admins[1].userId, admins[0].id));
    }
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.workspaceMember.count({ where: { role: { isAdmin: true } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "member.removed", targetId: { in: admins.map((admin) => admin.id) } } })).toBe(1);
    for (const result of results.filter((candidate) => !candidate.ok)) {
      expect(["ADMIN_ONLY", "LAST_ADMIN", "NOT_FOUND", "UNAUTHENTICATED"]).toContain(result.errors?.[0].code);
    }
  });
});
