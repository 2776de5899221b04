/**
 * Role history (SPEC §14) through the server actions: versions are written in the transaction of
 * the change (a refused save leaves none), restore is a normal save (authority, validation, audit).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { createRoleAction, deleteRoleAction, importRoleAction, restoreRoleVersionAction, updateRoleAction } from "@/app/settings/roles/actions";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { listRoleVersions } from "@/lib/roles/history";
import { toRoleFile } from "@/lib/roles/role-file";
import { createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
let workspaceId: string;
let roleId: (name: string) => string;

beforeAll(async () => {
  ({ workspace: { id: workspaceId }, roleId } = await loadDemo(db));
});

const versions = (id: string) => listRoleVersions(db, workspaceId, id);

describe("role history", () => {
  it("keeps the seeded state as a baseline, then one version per save, newest first; a refused save writes none", async () => {
    await actAs(db, "admin@acme.dev");
    const guest = await loadRoleForEditor(db, workspaceId, roleId("Guest"));
    expect(await versions(guest.id)).toEqual([]);
    const refused = await updateRoleAction({ roleId: guest.id, version: guest.version, draft: { ...guest.draft, canSeeAllObjects: false, canEditAllObjects: true } });
    expect(refused.ok).toBe(false);
    expect(await versions(guest.id)).toEqual([]);

    expect((await updateRoleAction({ roleId: guest.id, version: guest.version, draft: { ...guest.draft, actions: ["EXPORT_CSV"] } })).ok).toBe(true);
    const history = await versions(guest.id);
    expect(history.map((entry) => [entry.version, entry.change, entry.actorLabel])).toEqual([
      [guest.version + 1, "updated", "Alex Admin"],
      [guest.version, "baseline", "Rolecall"],
    ]);
    expect(history[0].draft.actions).toEqual(["EXPORT_CSV"]);
    expect(history[1].draft).toEqual(guest.draft);
  });

  it("restores an old version as a new one, audited, with the old definition", async () => {
    await actAs(db, "admin@acme.dev");
    const guest = await loadRoleForEditor(db, workspaceId, roleId("Guest"));
    const baseline = (await versions(guest.id)).at(-1)!;
    expect(await restoreRoleVersionAction({ roleId: guest.id, versionId: baseline.id, version: guest.version })).toEqual({ ok: true, data: { version: guest.version + 1 } });
    const after = await loadRoleForEditor(db, workspaceId, guest.id);
    expect(after.draft).toEqual(baseline.draft);
    expect((await versions(guest.id))[0]).toMatchObject({ version: guest.version + 1, change: "restored" });
    expect(await db.auditLog.count({ where: { action: "role.restored", targetId: guest.id } })).toBe(1);
    // A stale version number is refused like any concurrent save.
    expect(await restoreRoleVersionAction({ roleId: guest.id, versionId: baseline.id, version: guest.version })).toMatchObject({ ok: false, errors: [{ code: "VERSION_CONFLICT" }] });
  });

  it("refuses a restore beyond a non-Admin's authority, and changes nothing", async () => {
    const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
    const index: ObjectIndex = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
    const manager = await createRole(db, workspaceId, index, { name: "History manager", canSeeAllObjects: true, settings: ["ROLES"] });
    await createMember(db, { workspaceId, roleId: manager.id, email: "historian@acme.dev", name: "Hal Historian", passwordHash: "x" });
    await actAs(db, "admin@acme.dev");
    const created = await createRoleAction({ ...EMPTY_ROLE_DRAFT, name: "Editors", canSeeAllObjects: true, canEditAllObjects: true } satisfies RoleDraft);
    if (!created.ok) throw new Error("setup failed");
    const editors = await loadRoleForEditor(db, workspaceId, created.data.id);
    expect((await updateRoleAction({ roleId: editors.id, version: editors.version, draft: { ...editors.draft, canEditAllObjects: false } })).ok).toBe(true);
    const [, first] = await versions(editors.id);
    expect(first.change).toBe("created");

    await actAs(db, "historian@acme.dev");
    const before = await db.roleVersion.count();
    const refused = await restoreRoleVersionAction({ roleId: editors.id, versionId: first.id, version: editors.version + 1 });
    expect(refused).toMatchObject({ ok: false, errors: [{ code: "EXCEEDS_AUTHORITY" }] });
    expect(await db.roleVersion.count()).toBe(before);
    expect((await loadRoleForEditor(db, workspaceId, editors.id)).draft.canEditAllObjects).toBe(false);
  });

  it("records imports and deletions too", async () => {
    await actAs(db, "admin@acme.dev");
    const imported = await importRoleAction({ text: JSON.stringify(toRoleFile({ ...EMPTY_ROLE_DRAFT, name: "Imported auditors", canSeeAllObjects: true })) });
    if (!imported.ok) throw new Error("setup failed");
    expect((await versions(imported.data.id)).map((entry) => entry.change)).toEqual(["imported"]);
    expect((await deleteRoleAction({ roleId: imported.data.id })).ok).toBe(true);
    expect((await versions(imported.data.id)).map((entry) => entry.change)).toEqual(["deleted", "imported"]);
  });
});
