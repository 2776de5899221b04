import { describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { assignRoleAction, createRoleAction, updateRoleAction } from "@/app/settings/roles/actions";
import { EMPTY_ROLE_DRAFT } from "@/lib/roles/draft";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { listAuditActors, listAuditEntries } from "@/lib/audit/queries";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { memberPrincipal } from "@/lib/access/principal";
import { updateRecord } from "@/lib/records";
import { createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

/** A reader with a role's permissions (a member who holds it). */
async function readerWith(roleId: string) {
  const { workspace } = await loadDemo(db);
  return { kind: "member" as const, id: "reader", workspaceId: workspace.id, permissions: await loadRolePermissions(db, workspace.id, roleId) };
}

async function adminView() {
  const { roleId } = await loadDemo(db);
  return readerWith(roleId("Admin"));
}

describe("audit log", () => {
  it("records who changed which role, with before and after, and filters by role, actor and date", async () => {
    const { workspace, roleId } = await loadDemo(db);
    await actAs(db, "admin@acme.dev");
    const created = await createRoleAction({ ...EMPTY_ROLE_DRAFT, name: "Auditors" });
    if (!created.ok) throw new Error("setup failed");
    await actAs(db, "ada@acme.dev");
    const guest = await loadRoleForEditor(db, workspace.id, roleId("Guest"));
    expect((await updateRoleAction({ roleId: guest.id, version: guest.version, draft: { ...guest.draft, actions: ["SEND_EMAIL"] } })).ok).toBe(true);
    const mia = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "mia@acme.dev" } } });
    expect((await assignRoleAction({ roleId: created.data.id, target: { kind: "member", id: mia.id } })).ok).toBe(true);

    const auditors = await listAuditEntries(db, await adminView(), { roleId: created.data.id });
    expect(auditors.entries.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ["role.assigned", "Ada Lovelace"],
      ["role.created", "Alex Admin"],
    ]);
    const update = (await listAuditEntries(db, await adminView(), { roleId: guest.id })).entries[0];
    expect(JSON.parse(update.before!).actions).toEqual([]);
    expect(JSON.parse(update.after!).actions).toEqual(["SEND_EMAIL"]);

    const actors = await listAuditActors(db, workspace.id);
    const ada = actors.find((actor) => actor.label === "Ada Lovelace")!;
    expect((await listAuditEntries(db, await adminView(), { actor: ada.value })).entries).toHaveLength(2);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(db, await adminView(), { from: today, to: today })).entries.length).toBeGreaterThanOrEqual(3);
    expect((await listAuditEntries(db, await adminView(), { to: "2020-01-01" })).entries).toHaveLength(0);
  });

  it("never shows a reader a value their own role hides (SPEC §12)", async () => {
    const { workspace } = await loadDemo(db);
    const objects = await db.objectMetadata.findMany({ where: { workspaceId: workspace.id }, include: { fields: true } });
    const index: ObjectIndex = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
    // An auditor who reads roles but, like the Intern, never sees Address and no Opportunities.
    const auditor = await createRole(db, workspace.id, index, {
      name: "Address-blind auditor",
      canSeeAllObjects: true,
      settings: ["ROLES"],
      objectRules: [{ object: "opportunity", canSee: false }],
      fieldRules: [{ object: "person", field: "address", canSee: false, canEdit: false }],
    });
    const admin = await memberPrincipal(db, (await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } })).id);
    const person = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" }, deletedAt: null } });
    await updateRecord(db, admin!, "people", person.id, { address: "12 Secret Street", city: "Lyon" });
    const opportunity = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "opportunity" }, deletedAt: null } });
    await updateRecord(db, admin!, "opportunities", opportunity.id, { name: "Hidden deal renamed" });

    const reader = await readerWith(auditor.id);
    const { entries } = await listAuditEntries(db, reader, {});
    const edit = entries.find((entry) => entry.action === "record.updated" && entry.targetId === person.id)!;
    expect(JSON.parse(edit.after!).city).toBe("Lyon");
    for (const entry of entries) {
      expect(entry.before ?? "").not.toContain("Secret Street");
      expect(entry.after ?? "").not.toContain("Secret Street");
      expect(entry.after ?? "").not.toContain("Hidden deal");
      expect(entry.targetType).not.toBe("opportunity");
    }
    // The Admin still reads both.
    const all = (await listAuditEntries(db, await adminView(), {})).entries;
    expect(all.some((entry) => entry.after?.includes("12 Secret Street"))).toBe(true);
    expect(all.some((entry) => entry.targetId === opportunity.id)).toBe(true);
  });
});
