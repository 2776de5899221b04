import { describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { assignRoleAction, createRoleAction, updateRoleAction } from "@/app/settings/roles/actions";
import { EMPTY_ROLE_DRAFT } from "@/lib/roles/draft";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { listAuditActors, listAuditEntries } from "@/lib/audit/queries";

const db = useDemoDatabase();

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

    const auditors = await listAuditEntries(db, workspace.id, { roleId: created.data.id });
    expect(auditors.entries.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ["role.assigned", "Ada Lovelace"],
      ["role.created", "Alex Admin"],
    ]);
    const update = (await listAuditEntries(db, workspace.id, { roleId: guest.id })).entries[0];
    expect(JSON.parse(update.before!).actions).toEqual([]);
    expect(JSON.parse(update.after!).actions).toEqual(["SEND_EMAIL"]);

    const actors = await listAuditActors(db, workspace.id);
    const ada = actors.find((actor) => actor.label === "Ada Lovelace")!;
    expect((await listAuditEntries(db, workspace.id, { actor: ada.value })).entries).toHaveLength(2);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(db, workspace.id, { from: today, to: today })).entries.length).toBeGreaterThanOrEqual(3);
    expect((await listAuditEntries(db, workspace.id, { to: "2020-01-01" })).entries).toHaveLength(0);
  });
});
