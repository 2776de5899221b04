/**
 * Settings → API keys through its server actions: the API_KEYS_AND_WEBHOOKS permission, a secret
 * returned once and stored hashed, roles only from Roles managers, expiry, and revocation.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, type ActionOutcome } from "./refusal";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/settings/api-keys/actions";
import { apiKeyPrincipal } from "@/lib/access/principal";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { listApiKeys, listRolesAssignableToApiKeys } from "@/lib/api-keys/queries";
import { createApiKey, createRole, createWorkspace, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

async function snapshot() {
  const [keys, audit] = await Promise.all([db.apiKey.findMany({ orderBy: { id: "asc" } }), db.auditLog.count()]);
  return JSON.stringify({ keys, audit });
}

const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(snapshot, call, code, field);

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
});

describe("permission", () => {
  it("refuses create and revoke without the API keys setting and when signed out", async () => {
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "Default integration" } });
    for (const email of ["mia@acme.dev", "gus@acme.dev", "ian@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(() => createApiKeyAction({ name: "Sneaky" }), "FORBIDDEN");
      await expectRefused(() => revokeApiKeyAction({ keyId: key.id }), "FORBIDDEN");
    }
    await actAs(db, null);
    await expectRefused(() => createApiKeyAction({ name: "Sneaky" }), "UNAUTHENTICATED");
    await expectRefused(() => revokeApiKeyAction({ keyId: key.id }), "UNAUTHENTICATED");
  });

  it("lets a member with only the API keys setting create default-role keys within their authority, but not pick a role", async () => {
    const { workspace, roleId } = await loadDemo(db);
    // Integrator holds everything the default role (Member) holds, plus API keys.
    const role = await createRole(db, workspace.id, {} as ObjectIndex, {
      name: "Integrator",
      canSeeAllObjects: true,
      canEditAllObjects: true,
      canDeleteAllObjects: true,
      actionsAllAccess: true,
      settings: ["API_KEYS_AND_WEBHOOKS"],
    });
    const noah = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "noah@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: noah.id }, data: { roleId: role.id } });
    await actAs(db, "noah@acme.dev");
    await expectRefused(() => createApiKeyAction({ name: "Admin for me", roleId: roleId("Admin") }), "FORBIDDEN", "roleId");
    // An Intern with the API keys setting cannot mint a default-role key: it would read Opportunities.
    const intern = await createRole(db, workspace.id, {} as ObjectIndex, { name: "Intern with keys", canSeeAllObjects: true, settings: ["API_KEYS_AND_WEBHOOKS"] });
    const ian = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "yuki@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: ian.id }, data: { roleId: intern.id } });
    await actAs(db, "yuki@acme.dev");
    await expectRefused(() => createApiKeyAction({ name: "Skeleton key", roleId: "" }), "EXCEEDS_AUTHORITY", "roleId");
    await actAs(db, "noah@acme.dev");
    const result = await createApiKeyAction({ name: "Plain", roleId: "" });
    expect(result).toMatchObject({ ok: true, data: { name: "Plain" } });
    if (!result.ok) return;
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: result.data.id } })).roleId).toBeNull();
  });
});

describe("create", () => {
  it("refuses bad names, dates in the past, malformed dates and unknown or unassignable roles", async () => {
    const { workspace, roleId } = await loadDemo(db);
    await expectRefused(() => createApiKeyAction({ name: "  " }), "VALIDATION_FAILED", "name");
    await expectRefused(() => createApiKeyAction({ name: "x".repeat(101) }), "VALIDATION_FAILED", "name");
    await expectRefused(() => createApiKeyAction({ name: "Old", expiresAt: day(-1) }), "VALIDATION_FAILED", "expiresAt");
    await expectRefused(() => createApiKeyAction({ name: "Today", expiresAt: day(0) }), "VALIDATION_FAILED", "expiresAt");
    await expectRefused(() => createApiKeyAction({ name: "Bad date", expiresAt: "31/12/2030" }), "VALIDATION_FAILED", "expiresAt");
    await expectRefused(() => createApiKeyAction({ name: "Ghost role", roleId: "no-such-role" }), "NOT_FOUND", "roleId");
    const other = await createWorkspace(db, { name: "Elsewhere" });
    const foreign = await createRole(db, other.id, {} as ObjectIndex, { name: "Foreign" });
    await expectRefused(() => createApiKeyAction({ name: "Foreign role", roleId: foreign.id }), "NOT_FOUND", "roleId");
    await db.role.update({ where: { id: roleId("Guest") }, data: { assignableToApiKeys: false } });
    try {
      const offered = (await listRolesAssignableToApiKeys(db, workspace.id)).map((role) => role.name);
      expect(offered).toEqual(expect.arrayContaining(["Admin", "Member", "Intern"]));
      expect(offered).not.toContain("Guest");
      await expectRefused(() => createApiKeyAction({ name: "Guest key", roleId: roleId("Guest") }), "ROLE_NOT_ASSIGNABLE", "roleId");
    } finally {
      await db.role.update({ where: { id: roleId("Guest") }, data: { assignableToApiKeys: true } });
    }
    expect(workspace.id).not.toBe(other.id);
  });

  it("returns the secret once, stores only its hash, and the key acts with its role until it expires", async () => {
    const { roleId } = await loadDemo(db);
    const expiry = day(30);
    const result = await createApiKeyAction({ name: "  Zapier  ", expiresAt: expiry, roleId: roleId("Intern") });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { secret, id } = result.data;
    expect(secret).toMatch(/^rc_[A-Za-z0-9_-]{32}$/);
    expect(result.data.prefix).toBe(secret.slice(0, 7));

    const stored = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ name: "Zapier", roleId: roleId("Intern"), secretHash: hashApiKeySecret(secret), revokedAt: null });
    expect(stored.expiresAt?.toISOString()).toBe(`${expiry}T00:00:00.000Z`);
    const everything = JSON.stringify([await db.apiKey.findMany(), await db.auditLog.findMany()]);
    expect(everything).not.toContain(secret);

    const principal = await apiKeyPrincipal(db, secret);
    expect(principal).toMatchObject({ ok: true, principal: { kind: "apiKey", id, roleId: roleId("Intern"), label: "Zapier" } });
    expect(await apiKeyPrincipal(db, secret, new Date(`${expiry}T00:00:00.000Z`))).toEqual({ ok: false, reason: "EXPIRED_KEY" });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "apiKey.created", targetId: id } });
    expect(audit).toMatchObject({ actorLabel: "Alex Admin", roleId: roleId("Intern") });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "Zapier", role: "Intern", expiresAt: `${expiry}T00:00:00.000Z` });

    // The list never carries the secret either.
    const { workspace } = await loadDemo(db);
    expect(JSON.stringify(await listApiKeys(db, workspace.id))).not.toContain(secret);
  });

  it("creates a key without a role or expiry: it acts with the default role", async () => {
    const { roleId } = await loadDemo(db);
    const result = await createApiKeyAction({ name: "Fallback", expiresAt: "", roleId: "" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const principal = await apiKeyPrincipal(db, result.data.secret);
    expect(principal).toMatchObject({ ok: true, principal: { roleId: roleId("Member") } });
  });
});

describe("revoke", () => {
  it("revokes once: the key is refused afterwards, and revoking again changes nothing", async () => {
    const created = await createApiKeyAction({ name: "Short-lived" });
    if (!created.ok) throw new Error("setup failed");
    expect((await apiKeyPrincipal(db, created.data.secret)).ok).toBe(true);

    expect(await revokeApiKeyAction({ keyId: created.data.id })).toEqual({ ok: true, data: { name: "Short-lived" } });
    expect(await apiKeyPrincipal(db, created.data.secret)).toEqual({ ok: false, reason: "REVOKED_KEY" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.data.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: "apiKey.revoked", targetId: created.data.id } })).toBe(1);

    const before = await snapshot();
    expect((await revokeApiKeyAction({ keyId: created.data.id })).ok).toBe(true);
    expect(await snapshot()).toBe(before);
  });

  it("revokes the seeded demo key, which REST then refuses", async () => {
    const key = await db.apiKey.findFirstOrThrow({ where: { name: "Intern integration" } });
    expect((await revokeApiKeyAction({ keyId: key.id })).ok).toBe(true);
    expect(await apiKeyPrincipal(db, "demo-intern-key")).toEqual({ ok: false, reason: "REVOKED_KEY" });
  });

  it("refuses unknown keys, keys of another workspace and malformed input", async () => {
    const other = await createWorkspace(db, { name: "Other" });
    const foreign = await createApiKey(db, { workspaceId: other.id, name: "Theirs", secret: "foreign-secret" });
    await expectRefused(() => revokeApiKeyAction({ keyId: foreign.id }), "NOT_FOUND");
    await expectRefused(() => revokeApiKeyAction({ keyId: "nope" }), "NOT_FOUND");
    await expectRefused(() => revokeApiKeyAction({ keyId: 42 }), "VALIDATION_FAILED", "keyId");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull();
  });
});
