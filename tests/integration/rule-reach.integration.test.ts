/** The editor's live count of a record-level rule (SPEC §13), counted with the lists' own SQL. */
import { describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { countRuleReachAction } from "@/app/settings/roles/actions";
import { createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
const ownedByMe = { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] } as const;

describe("rule reach", () => {
  it("counts the records a rule reaches for a sample member, and none through Me for a key or agent", async () => {
    await actAs(db, "admin@acme.dev");
    const sam = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "sam@acme.dev" } } });
    const total = await db.record.count({ where: { object: { nameSingular: "opportunity" }, deletedAt: null } });
    expect(await countRuleReachAction({ object: "opportunities", rule: ownedByMe, memberId: sam.id })).toEqual({ ok: true, data: { reached: 12, total } });
    expect(await countRuleReachAction({ object: "opportunities", rule: ownedByMe, memberId: null })).toEqual({ ok: true, data: { reached: 0, total } });
    const notNew = { mode: "match", join: "all", conditions: [{ field: "stage", operator: "neq", value: "NEW" }] };
    const rows = await db.record.findMany({ where: { object: { nameSingular: "opportunity" }, deletedAt: null } });
    const expected = rows.filter((row) => (JSON.parse(row.data) as { stage?: string }).stage !== "NEW").length;
    expect(await countRuleReachAction({ object: "opportunities", rule: notNew, memberId: null })).toEqual({ ok: true, data: { reached: expected, total } });
  });

  it("tells nothing to an actor who cannot see the object or a field of the conditions", async () => {
    const { workspace } = await loadDemo(db);
    const objects = await db.objectMetadata.findMany({ where: { workspaceId: workspace.id }, include: { fields: true } });
    const index: ObjectIndex = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
    const role = await createRole(db, workspace.id, index, { name: "Blind counter", canSeeAllObjects: true, settings: ["ROLES"], objectRules: [{ object: "opportunity", canSee: false }] });
    await createMember(db, { workspaceId: workspace.id, roleId: role.id, email: "counter@acme.dev", name: "Cora Counter", passwordHash: "x" });
    await actAs(db, "counter@acme.dev");
    expect(await countRuleReachAction({ object: "opportunities", rule: ownedByMe, memberId: null })).toMatchObject({ ok: false, errors: [{ code: "FORBIDDEN" }] });
  });

  it("tells no count to an actor whose own role reaches only some records of the object", async () => {
    const { roleId } = await loadDemo(db);
    const salesRep = await db.role.findUniqueOrThrow({ where: { id: roleId("Sales rep") } });
    await db.roleSettingPermission.create({ data: { roleId: salesRep.id, setting: "ROLES" } });
    await db.role.update({ where: { id: salesRep.id }, data: { version: { increment: 1 } } });
    await actAs(db, "sam@acme.dev");
    const highValue = { mode: "match", join: "all", conditions: [{ field: "amount", operator: "gt", value: 0 }] };
    expect(await countRuleReachAction({ object: "opportunities", rule: highValue, memberId: null })).toMatchObject({ ok: false, errors: [{ code: "FORBIDDEN" }] });
  });
});
