/**
 * "View as this role" (SPEC §14): the session looks through the role's read-only projection,
 * every write is refused on the server, entering and leaving are audited, and nobody views as a
 * role above their own (SPEC §11).
 */
import { describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { fullTableSnapshot } from "./refusal";
import { createRoleAction, viewAsRoleAction } from "@/app/settings/roles/actions";
import { listRecordsAction, updateRecordAction } from "@/app/(workspace)/objects/actions";
import { exitViewAsAction } from "@/app/view-as/actions";
import { getActingMember } from "@/lib/access/current-member";
import { can, canSetting } from "@/lib/permissions";
import { EMPTY_ROLE_DRAFT } from "@/lib/roles/draft";
import { createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

describe("view as", () => {
  it("shows an Admin the Intern's sight, read-only; refuses every write; exit restores the Admin", async () => {
    const { roleId } = await loadDemo(db);
    await actAs(db, "admin@acme.dev");
    expect(await viewAsRoleAction({ roleId: roleId("Intern") })).toEqual({ ok: true, data: { roleName: "Intern" } });

    const viewer = (await getActingMember())!;
    expect(viewer.viewingAs).toEqual({ roleId: roleId("Intern"), roleName: "Intern" });
    expect(can(viewer.permissions, "see", "opportunity")).toBe(false);
    expect(can(viewer.permissions, "see", "person", "address")).toBe(false);
    expect(can(viewer.permissions, "see", "person", "email")).toBe(true);
    expect(can(viewer.permissions, "edit", "person")).toBe(false);
    expect(canSetting(viewer.permissions, "ROLES")).toBe(false);

    const people = await listRecordsAction({ object: "people", limit: 5 });
    if (!people.ok) throw new Error("the list is a read: it must work while viewing");
    expect(Object.keys(people.data.records[0])).not.toContain("address");

    const before = await fullTableSnapshot(db);
    const person = people.data.records[0] as { id: string };
    expect(await updateRecordAction({ object: "people", id: person.id, patch: { city: "Nowhere" } })).toMatchObject({ ok: false, errors: [{ code: "VIEW_AS_READ_ONLY" }] });
    expect(await createRoleAction({ ...EMPTY_ROLE_DRAFT, name: "While viewing" })).toMatchObject({ ok: false, errors: [{ code: "VIEW_AS_READ_ONLY" }] });
    expect(await fullTableSnapshot(db)).toBe(before);

    expect(await exitViewAsAction()).toEqual({ ok: true, data: { roleId: roleId("Intern") } });
    const admin = (await getActingMember())!;
    expect(admin.viewingAs).toBeNull();
    expect(admin.permissions.isAdmin).toBe(true);
    expect(await db.auditLog.count({ where: { action: { in: ["role.viewAsStarted", "role.viewAsEnded"] }, targetId: roleId("Intern") } })).toBe(2);
  });

  it("refuses to a non-Admin a role above their own", async () => {
    const { workspace, roleId } = await loadDemo(db);
    const manager = await createRole(db, workspace.id, {} as ObjectIndex, { name: "Viewer manager", canSeeAllObjects: true, settings: ["ROLES"] });
    await createMember(db, { workspaceId: workspace.id, roleId: manager.id, email: "vera@acme.dev", name: "Vera Viewer", passwordHash: "x" });
    await actAs(db, "vera@acme.dev");
    expect(await viewAsRoleAction({ roleId: roleId("Member") })).toMatchObject({ ok: false, errors: [{ code: "EXCEEDS_AUTHORITY" }] });
    expect(await viewAsRoleAction({ roleId: roleId("Admin") })).toMatchObject({ ok: false, errors: [{ code: "ADMIN_ONLY" }] });
    expect(await viewAsRoleAction({ roleId: roleId("Guest") })).toMatchObject({ ok: true });
    expect((await getActingMember())!.viewingAs?.roleName).toBe("Guest");
  });
  it("views a role plus chosen permission sets, read-only, as a holder of them all would see (SPEC §17)", async () => {
    const { roleId } = await loadDemo(db);
    await actAs(db, "admin@acme.dev");
    const created = await createRoleAction({ ...EMPTY_ROLE_DRAFT, canSeeAllObjects: false, name: "Deals for view-as", objectRules: [{ object: "opportunity", canSee: true, canCreate: null, canEdit: true, canDelete: null, canDestroy: null }] });
    if (!created.ok) throw new Error("role");
    // A set, made as a role row of kind set (the set action lives in its own module).
    await db.role.update({ where: { id: created.data.id }, data: { kind: "set" } });
    expect(await viewAsRoleAction({ roleId: roleId("Intern"), setIds: [created.data.id] })).toEqual({ ok: true, data: { roleName: "Intern + Deals for view-as" } });
    const viewer = (await getActingMember())!;
    expect(can(viewer.permissions, "see", "opportunity")).toBe(true);
    expect(can(viewer.permissions, "edit", "opportunity")).toBe(false);
    expect(can(viewer.permissions, "see", "person", "address")).toBe(false);
    await exitViewAsAction();
    // A set is not a role to view as on its own; unknown sets are refused.
    expect(await viewAsRoleAction({ roleId: created.data.id })).toMatchObject({ ok: false, errors: [{ code: "NOT_FOUND" }] });
    expect(await viewAsRoleAction({ roleId: roleId("Intern"), setIds: ["nope"] })).toMatchObject({ ok: false, errors: [{ code: "NOT_FOUND" }] });
    // Deleting the set ends the view at the next request.
    await viewAsRoleAction({ roleId: roleId("Intern"), setIds: [created.data.id] });
    await db.role.delete({ where: { id: created.data.id } });
    expect((await getActingMember())!.viewingAs).toBeNull();
    await exitViewAsAction();
  });
});
