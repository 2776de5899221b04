/**
 * Settings → Data model: adding a custom field through the server action. The DATA_MODEL
 * permission, key rules, metadata version bump, and the field reaching permissions and records.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, fullTableSnapshot, type ActionOutcome } from "./refusal";
import { addCustomFieldAction } from "@/app/settings/data-model/actions";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { memberPrincipal } from "@/lib/access/principal";
import { can } from "@/lib/permissions";
import { createRecord } from "@/lib/records";
import { fieldKeyFromLabel } from "@/lib/metadata/fields";
import { createStandardObjects, createWorkspace } from "@/prisma/factories";

const db = useDemoDatabase();

/** Every row of every table: a refused settings change leaves the whole database as it was. */
const snapshot = () => fullTableSnapshot(db);

const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(snapshot, call, code, field);

async function objectId(nameSingular: string) {
  const { workspace } = await loadDemo(db);
  return (await db.objectMetadata.findFirstOrThrow({ where: { workspaceId: workspace.id, nameSingular } })).id;
}

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("field keys", () => {
  it.each([
    ["Customer tier", "customerTier"],
    ["  NPS score ", "npsScore"],
    ["Prénom d'usage", "prenomDUsage"],
    ["2nd phone", "field2ndPhone"],
    ["営業担当", ""],
  ])("%s → %s", (label, key) => {
    expect(fieldKeyFromLabel(label)).toBe(key);
  });
});

describe("add custom field", () => {
  it("refuses members without the Data model setting and signed-out callers", async () => {
    const company = await objectId("company");
    for (const email of ["mia@acme.dev", "gus@acme.dev", "ian@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", type: "TEXT" }), "FORBIDDEN");
    }
    await actAs(db, null);
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", type: "TEXT" }), "UNAUTHENTICATED");
  });

  it("refuses bad labels, keys, types and options beside the field", async () => {
    const company = await objectId("company");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: " ", type: "TEXT" }), "VALIDATION_FAILED", "label");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "x".repeat(101), type: "TEXT" }), "VALIDATION_FAILED", "label");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Parent", type: "RELATION" }), "VALIDATION_FAILED", "type");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", name: "Tier", type: "TEXT" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", name: "tier-level", type: "TEXT" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "営業担当", type: "TEXT" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", type: "SELECT", options: [] }), "VALIDATION_FAILED", "options");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", type: "SELECT", options: ["Gold", "Gold"] }), "VALIDATION_FAILED", "options");
    await expectRefused(() => addCustomFieldAction({ objectId: company, label: "Tier", type: "SELECT", options: ["Gold", " "] }), "VALIDATION_FAILED", "options.1");
  });

  it("refuses reserved and existing keys, case-insensitively, and objects of other workspaces", async () => {
    const person = await objectId("person");
    for (const name of ["id", "createdAt", "updatedAt", "deletedAt", "constructor"]) {
      await expectRefused(() => addCustomFieldAction({ objectId: person, label: "Anything", name, type: "TEXT" }), "FIELD_NAME_RESERVED", "name");
    }
    await expectRefused(() => addCustomFieldAction({ objectId: person, label: "Deleted at", type: "DATE" }), "FIELD_NAME_RESERVED", "name");
    await expectRefused(() => addCustomFieldAction({ objectId: person, label: "Email", type: "TEXT" }), "FIELD_NAME_TAKEN", "name");
    await expectRefused(() => addCustomFieldAction({ objectId: person, label: "Job", name: "jobtitle", type: "TEXT" }), "FIELD_NAME_TAKEN", "name");

    const other = await createWorkspace(db, { name: "Elsewhere" });
    const objects = await createStandardObjects(db, other.id);
    await expectRefused(() => addCustomFieldAction({ objectId: objects.person.id, label: "Nickname", type: "TEXT" }), "NOT_FOUND", "objectId");
    await expectRefused(() => addCustomFieldAction({ objectId: "nope", label: "Nickname", type: "TEXT" }), "NOT_FOUND", "objectId");
  });

  it("adds a select field before the timestamps, bumps the metadata version and audits it", async () => {
    const { workspace } = await loadDemo(db);
    const company = await objectId("company");
    const version = workspace.metadataVersion;
    const result = await addCustomFieldAction({ objectId: company, label: "  Customer tier ", type: "SELECT", options: ["Gold", "Silver", "Bronze"] });
    expect(result).toMatchObject({ ok: true, data: { name: "customerTier", label: "Customer tier", objectLabel: "Companies" } });

    const fields = await db.fieldMetadata.findMany({ where: { objectMetadataId: company }, orderBy: { position: "asc" } });
    expect(fields.map((field) => field.name)).toEqual(["id", "name", "domain", "employees", "address", "ownerId", "customerTier", "createdAt", "updatedAt"]);
    expect(fields.map((field) => field.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const field = fields[6];
    expect(field).toMatchObject({ type: "SELECT", isCustom: true, isLabel: false, isSystem: false, options: JSON.stringify({ values: ["Gold", "Silver", "Bronze"] }) });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).metadataVersion).toBe(version + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "field.created", targetId: field.id } });
    expect(audit).toMatchObject({ targetType: "field", targetLabel: "Company: Customer tier", actorLabel: "Alex Admin" });
  });

  it("re-resolves cached permissions: the new field inherits each role's object access", async () => {
    const { workspace, roleId } = await loadDemo(db);
    const person = await objectId("person");
    const internBefore = await loadRolePermissions(db, workspace.id, roleId("Intern"));
    expect(internBefore.objects.person.fields.nickname).toBeUndefined();

    const result = await addCustomFieldAction({ objectId: person, label: "Nickname", type: "TEXT" });
    expect(result.ok).toBe(true);
    const intern = await loadRolePermissions(db, workspace.id, roleId("Intern"));
    const guest = await loadRolePermissions(db, workspace.id, roleId("Guest"));
    // The Intern edits People (object rule), the Guest only sees them.
    expect([can(intern, "see", "person", "nickname"), can(intern, "edit", "person", "nickname")]).toEqual([true, true]);
    expect([can(guest, "see", "person", "nickname"), can(guest, "edit", "person", "nickname")]).toEqual([true, false]);
    expect(intern.objects.person.fields.nickname.edit.source).toBe("objectRule");

    // On Opportunities, hidden from the Intern, a new field is hidden too.
    expect((await addCustomFieldAction({ objectId: await objectId("opportunity"), label: "Lost reason", type: "TEXT" })).ok).toBe(true);
    expect(can(await loadRolePermissions(db, workspace.id, roleId("Intern")), "see", "opportunity", "lostReason")).toBe(false);
  });

  it("makes the field writable in records with its type enforced", async () => {
    const { workspace } = await loadDemo(db);
    const added = await addCustomFieldAction({ objectId: await objectId("company"), label: "Founded", name: "foundedOn", type: "DATE" });
    expect(added.ok).toBe(true);
    const adminMember = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, user: { email: "admin@acme.dev" } } });
    const admin = (await memberPrincipal(db, adminMember.id))!;
    const record = await createRecord(db, admin, "companies", { name: "Initech", foundedOn: "1999-02-19" });
    expect(record.foundedOn).toBe("1999-02-19");
    await expect(createRecord(db, admin, "companies", { name: "Bad date", foundedOn: "yesterday" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("lets one of two simultaneous additions of one key through", async () => {
    const task = await objectId("task");
    const results = await Promise.all([
      addCustomFieldAction({ objectId: task, label: "Effort", type: "NUMBER" }),
      addCustomFieldAction({ objectId: task, label: "Effort", type: "TEXT" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ errors: [{ code: "FIELD_NAME_TAKEN", field: "name" }] });
    expect(await db.fieldMetadata.count({ where: { objectMetadataId: task, name: "effort" } })).toBe(1);
  });
});
