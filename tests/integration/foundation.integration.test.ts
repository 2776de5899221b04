import { describe, expect, it } from "vitest";
import { can, canAction, canSetting } from "@/lib/permissions";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { authenticate } from "@/lib/auth/authenticate";
import { listRoles } from "@/lib/roles/queries";
import { memberPrincipal } from "@/lib/access/principal";
import { heldSets } from "@/lib/access/grants";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { DEMO_COUNTS } from "@/prisma/demo-data";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();

describe("demo seed", () => {
  it("creates the roles of SPEC §10 with their member counts, Member as default", async () => {
    const { workspace } = await loadDemo(db);
    const roles = await listRoles(db, workspace.id);
    expect(roles.map((role) => [role.name, role.memberCount, role.isDefault])).toEqual([
      ["Admin", 2, false],
      ["Member", 4, true],
      ["Guest", 2, false],
      ["Intern", 1, false],
      ["Support", 0, false],
      ["Sales rep", 1, false],
    ]);
  });

  it("creates every standard object with a few hundred records", async () => {
    const objects = await db.objectMetadata.findMany({ include: { _count: { select: { records: true } } } });
    const counts = Object.fromEntries(objects.map((object) => [object.nameSingular, object._count.records]));
    expect(counts).toEqual(DEMO_COUNTS);
  });

  it("stores API keys hashed, with the Intern key on the Intern role and the default key on none", async () => {
    const { roleId } = await loadDemo(db);
    const intern = await db.apiKey.findUniqueOrThrow({ where: { secretHash: hashApiKeySecret("demo-intern-key") } });
    const fallback = await db.apiKey.findUniqueOrThrow({ where: { secretHash: hashApiKeySecret("demo-default-key") } });
    expect(intern.roleId).toBe(roleId("Intern"));
    const support = await db.apiKey.findUniqueOrThrow({ where: { secretHash: hashApiKeySecret("demo-support-key") } });
    expect(support.roleId).toBe(roleId("Support"));
    expect(fallback.roleId).toBeNull();
    expect(JSON.stringify(await db.apiKey.findMany())).not.toContain("demo-intern-key");
  });

  it("gives Olivia Guest plus Export for audit until 30 days after seeding (SPEC §17), and nobody else a set", async () => {
    const { workspace } = await loadDemo(db);
    const olivia = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, user: { email: "olivia@acme.dev" } }, include: { role: true } });
    expect(olivia.role?.name).toBe("Guest");
    const assignments = await db.permissionSetAssignment.findMany({ include: { set: true } });
    expect(assignments.map((row) => [row.principalId, row.set.name, row.set.kind])).toEqual([[olivia.id, "Export for audit", "set"]]);
    const days = (assignments[0].expiresAt!.getTime() - assignments[0].createdAt.getTime()) / 86_400_000;
    expect(days).toBe(30);
    expect((await heldSets(db, workspace.id, "member", olivia.id)).map((set) => set.name)).toEqual(["Export for audit"]);
    const oliviaNow = await memberPrincipal(db, olivia.id);
    expect(canAction(oliviaNow!.permissions, "EXPORT_CSV")).toBe(true);
    expect(can(oliviaNow!.permissions, "see", "person")).toBe(true);
    expect(can(oliviaNow!.permissions, "edit", "person")).toBe(false);
    const gus = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, user: { email: "gus@acme.dev" } } });
    expect(canAction((await memberPrincipal(db, gus.id))!.permissions, "EXPORT_CSV")).toBe(false);
    // After the 30 days, Olivia is Guest alone.
    const later = new Date(assignments[0].expiresAt!.getTime() + 1);
    expect(canAction((await memberPrincipal(db, olivia.id, later))!.permissions, "EXPORT_CSV")).toBe(false);
  });

  it("never gives the Admin role to the AI agent", async () => {
    const agents = await db.agent.findMany({ include: { role: true } });
    expect(agents).toHaveLength(1);
    expect(agents[0].role?.isAdmin).toBe(false);
  });
});

describe("role permissions from the database", () => {
  it("resolves the seeded Intern exactly as the guide's example", async () => {
    const { workspace, roleId } = await loadDemo(db);
    const intern = await loadRolePermissions(db, workspace.id, roleId("Intern"));
    expect(can(intern, "see", "opportunity")).toBe(false);
    expect(can(intern, "edit", "person")).toBe(true);
    expect(can(intern, "edit", "company")).toBe(false);
    expect(can(intern, "see", "person", "email")).toBe(true);
    expect(can(intern, "edit", "person", "email")).toBe(false);
    expect(can(intern, "see", "person", "address")).toBe(false);
    expect(canAction(intern, "EXPORT_CSV")).toBe(true);
    expect(canAction(intern, "IMPORT_CSV")).toBe(false);
    expect(canSetting(intern, "ROLES")).toBe(false);
  });

  it("re-resolves after a role change bumps its version", async () => {
    const { workspace, roleId } = await loadDemo(db);
    const guestId = roleId("Guest");
    expect(can(await loadRolePermissions(db, workspace.id, guestId), "edit", "task")).toBe(false);
    await db.role.update({ where: { id: guestId }, data: { canEditAllObjects: true, version: { increment: 1 } } });
    expect(can(await loadRolePermissions(db, workspace.id, guestId), "edit", "task")).toBe(true);
  });
});

describe("sign-in", () => {
  it("accepts the demo password and refuses a wrong one or an unknown email", async () => {
    await expect(authenticate(db, "ADMIN@acme.dev ", "rolecall-demo")).resolves.toMatchObject({ email: "admin@acme.dev" });
    await expect(authenticate(db, "admin@acme.dev", "wrong")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(authenticate(db, "nobody@acme.dev", "rolecall-demo")).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("stores passwords as argon2 hashes", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "ian@acme.dev" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
