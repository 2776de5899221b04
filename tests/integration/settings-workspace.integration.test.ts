/**
 * Settings → General (workspace name and default language) and Settings → Security (a read-only
 * overview): the WORKSPACE permission, validation beside the fields, audit with before/after.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, type ActionOutcome } from "./refusal";
import { updateWorkspaceAction } from "@/app/settings/workspace/actions";
import { getActingMember } from "@/lib/access/current-member";
import { loadSecurityOverview } from "@/lib/workspace/security";
import { createApiKey, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

async function snapshot() {
  const [workspaces, audit] = await Promise.all([db.workspace.findMany({ orderBy: { id: "asc" } }), db.auditLog.count()]);
  return JSON.stringify({ workspaces, audit });
}

const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(snapshot, call, code, field);

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("workspace settings", () => {
  it("refuses members without the Workspace setting and signed-out callers", async () => {
    for (const email of ["mia@acme.dev", "gus@acme.dev", "ian@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(() => updateWorkspaceAction({ name: "Hijacked", defaultLocale: "en" }), "FORBIDDEN");
    }
    await actAs(db, null);
    await expectRefused(() => updateWorkspaceAction({ name: "Hijacked", defaultLocale: "en" }), "UNAUTHENTICATED");
  });

  it("refuses an empty or too long name and an unsupported language, naming the field", async () => {
    await expectRefused(() => updateWorkspaceAction({ name: "  ", defaultLocale: "en" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => updateWorkspaceAction({ name: "x".repeat(101), defaultLocale: "en" }), "VALIDATION_FAILED", "name");
    await expectRefused(() => updateWorkspaceAction({ name: "Acme", defaultLocale: "de" }), "VALIDATION_FAILED", "defaultLocale");
    await expectRefused(() => updateWorkspaceAction({ name: "Acme" }), "VALIDATION_FAILED", "defaultLocale");
  });

  it("saves a trimmed name and the language, audited with before and after; an unchanged save writes nothing", async () => {
    const { workspace } = await loadDemo(db);
    const result = await updateWorkspaceAction({ name: "  Acme Europe  ", defaultLocale: "fr" });
    expect(result).toEqual({ ok: true, data: { name: "Acme Europe", defaultLocale: "fr" } });
    expect(await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({ name: "Acme Europe", defaultLocale: "fr" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "workspace.updated" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.before!)).toEqual({ name: "Acme", defaultLocale: "en" });
    expect(JSON.parse(audit.after!)).toEqual({ name: "Acme Europe", defaultLocale: "fr" });
    expect((await getActingMember())?.workspaceLocale).toBe("fr");

    const before = await snapshot();
    expect((await updateWorkspaceAction({ name: "Acme Europe", defaultLocale: "fr" })).ok).toBe(true);
    expect(await snapshot()).toBe(before);
    expect((await updateWorkspaceAction({ name: "Acme", defaultLocale: "en" })).ok).toBe(true);
  });

  it("accepts names in any script", async () => {
    expect(await updateWorkspaceAction({ name: "アクメ株式会社", defaultLocale: "ja" })).toMatchObject({ ok: true, data: { name: "アクメ株式会社" } });
    expect((await updateWorkspaceAction({ name: "Acme", defaultLocale: "en" })).ok).toBe(true);
  });
});

describe("security overview", () => {
  it("lists the Admins, the roles that open settings and the active keys that never expire", async () => {
    const { workspace } = await loadDemo(db);
    await createRole(db, workspace.id, {} as ObjectIndex, { name: "Ops", settings: ["MEMBERS", "WORKFLOWS"] });
    await createApiKey(db, { workspaceId: workspace.id, name: "Expiring", secret: "sec-expiring", expiresAt: new Date("2099-01-01") });
    const revoked = await createApiKey(db, { workspaceId: workspace.id, name: "Revoked", secret: "sec-revoked" });
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });

    const overview = await loadSecurityOverview(db, workspace.id);
    expect(overview.admins.map((admin) => admin.email)).toEqual(["ada@acme.dev", "admin@acme.dev"]);
    expect(overview.neverExpiringKeys.map((key) => [key.name, key.roleName])).toEqual([
      ["Intern integration", "Intern"],
      ["Support integration", "Support"],
      ["Default integration", null],
    ]);
    expect(overview.settingsRoles.map((role) => [role.name, role.allAccess, role.settings.length, role.memberCount])).toEqual([
      ["Admin", true, 7, 2],
      ["Ops", false, 2, 0],
    ]);
    expect(overview.settingsRoles[1].settings).toEqual(["MEMBERS", "WORKFLOWS"]);
  });
});
