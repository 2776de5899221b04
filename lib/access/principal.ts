import type { Tx } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/hot-path";
import { dialectOf } from "@/lib/db/sql-dialect";
import type { EffectivePermissions, PrincipalKind } from "@/lib/permissions";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { loadGrantedPermissions, loadPrincipalPermissions, heldSets } from "./grants";
import { hasExpired, recordExpiries, roleHeldAt } from "@/lib/roles/expiry";

/**
 * Whoever acts: a member in the browser, an API key over REST, an AI agent through its tools.
 * Every domain function takes one and asks `permissions` (the engine's answer for its role).
 */
export interface Principal {
  kind: PrincipalKind;
  id: string;
  /** For audit entries: a member's name, a key's name, an agent's name. */
  label: string;
  workspaceId: string;
  roleId: string;
  permissions: EffectivePermissions;
  /**
   * `Workspace.metadataVersion` as read together with the principal, when it was: lets the
   * workspace's object metadata be reused from memory without a query of its own (a data-model
   * change bumps it, so the next principal carries the new stamp and misses the cache).
   */
  metadataVersion?: number;
}

async function defaultRoleId(db: Tx, workspaceId: string) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRoleId: true } });
  if (!workspace.defaultRoleId) throw new Error(`Workspace ${workspaceId} has no default role`);
  return workspace.defaultRoleId;
}

export async function memberPrincipal(db: Tx, memberId: string, now = new Date()): Promise<Principal | null> {
  const member = await db.workspaceMember.findUnique({ where: { id: memberId }, include: { user: { select: { name: true } } } });
  if (!member) return null;
  const roleId = hasExpired(member.roleExpiresAt, now) ? await defaultRoleId(db, member.workspaceId) : member.roleId;
  return {
    kind: "member",
    id: member.id,
    label: member.user.name,
    workspaceId: member.workspaceId,
    roleId,
    permissions: await loadPrincipalPermissions(db, member.workspaceId, "member", member.id, roleId, now),
  };
}

export type ApiKeyRejection = "INVALID_KEY" | "REVOKED_KEY" | "EXPIRED_KEY";

const LAST_USED_RESOLUTION_MS = 60_000;

interface ApiKeyRow {
  id: string;
  lastUsedAt: Date | string | number | null;
  name: string;
  workspaceId: string;
  revokedAt: Date | string | number | null;
  expiresAt: Date | string | number | null;
  metadataVersion: number | bigint;
  keyRoleId: string | null;
  roleExpiresAt: Date | string | number | null;
  roleVersion: number | bigint | null;
  roleName: string | null;
  defaultRoleId: string | null;
  defaultRoleVersion: number | bigint | null;
  defaultRoleName: string | null;
  /** How many permission sets are assigned to the key (ended or not): 0 spares the query for them. */
  setCount: number | bigint;
}

const API_KEY_LOOKUP = `
    SELECT k."id", k."name", k."workspaceId", k."revokedAt", k."expiresAt", k."lastUsedAt", w."metadataVersion",
           k."roleId" AS "keyRoleId", k."roleExpiresAt", r."version" AS "roleVersion", r."name" AS "roleName",
           d."id" AS "defaultRoleId", d."version" AS "defaultRoleVersion", d."name" AS "defaultRoleName",
           (SELECT COUNT(*) FROM "PermissionSetAssignment" s WHERE s."principalKind" = 'apiKey' AND s."principalId" = k."id") AS "setCount"
    FROM "ApiKey" k
    JOIN "Workspace" w ON w."id" = k."workspaceId"
    LEFT JOIN "Role" r ON r."id" = k."roleId"
    LEFT JOIN "Role" d ON d."id" = w."defaultRoleId"
    WHERE k."secretHash" = ?`;

/**
 * The principal of a Bearer secret; a key without a role acts with the default role. This runs
 * on every REST request, so the key, its effective role and both cache stamps come in one query.
 */
export async function apiKeyPrincipal(
  db: Tx,
  secret: string,
  now = new Date(),
): Promise<{ ok: true; principal: Principal } | { ok: false; reason: ApiKeyRejection }> {
  const [key] = await queryRows<ApiKeyRow>(db, dialectOf(db).placeholders(API_KEY_LOOKUP), [hashApiKeySecret(secret)]);
  if (!key) return { ok: false, reason: "INVALID_KEY" };
  if (key.revokedAt !== null) return { ok: false, reason: "REVOKED_KEY" };
  if (key.expiresAt !== null && new Date(key.expiresAt) <= now) return { ok: false, reason: "EXPIRED_KEY" };
  // An assignment that expired acts as no role from that instant (SPEC §13); the first request to see it records it.
  const expired = hasExpired(key.roleExpiresAt, now);
  if (expired) await recordExpiries(db, key.workspaceId, now);
  const ownRole = expired ? null : key.keyRoleId;
  const roleId = ownRole ?? key.defaultRoleId;
  const roleVersion = ownRole ? key.roleVersion : key.defaultRoleVersion;
  const roleName = (ownRole ? key.roleName : key.defaultRoleName) ?? "";
  if (!roleId || roleVersion === null) throw new Error(`Workspace ${key.workspaceId} has no default role`);
  const stamp = { roleVersion: Number(roleVersion), metadataVersion: Number(key.metadataVersion) };
  // "Last used" to the minute: one write per key per minute, not one per request.
  if (key.lastUsedAt === null || now.getTime() - new Date(key.lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return {
    ok: true,
    principal: {
      kind: "apiKey",
      id: key.id,
      label: key.name,
      workspaceId: key.workspaceId,
      roleId,
      // SPEC §17: a key with permission sets acts with their union with its role.
      permissions: await loadGrantedPermissions(db, key.workspaceId, { id: roleId, name: roleName, stamp }, Number(key.setCount) > 0 ? await heldSets(db, key.workspaceId, "apiKey", key.id, now) : []),
      metadataVersion: stamp.metadataVersion,
    },
  };
}

/** A key's principal by id, for admins inspecting what it can do (no secret involved). */
export async function apiKeyPrincipalById(db: Tx, workspaceId: string, apiKeyId: string, now = new Date()): Promise<Principal | null> {
  const key = await db.apiKey.findFirst({ where: { id: apiKeyId, workspaceId } });
  if (!key) return null;
  const roleId = roleHeldAt("apiKey", key, null, now) ?? (await defaultRoleId(db, key.workspaceId));
  return { kind: "apiKey", id: key.id, label: key.name, workspaceId, roleId, permissions: await loadPrincipalPermissions(db, workspaceId, "apiKey", key.id, roleId, now) };
}

/** An agent acts with its own role (or the default role), never with its invoker's. */
export async function agentPrincipal(db: Tx, agentId: string, now = new Date()): Promise<Principal | null> {
  const agent = await db.agent.findUnique({ where: { id: agentId } });
  if (!agent) return null;
  if (hasExpired(agent.roleExpiresAt, now)) await recordExpiries(db, agent.workspaceId, now);
  const roleId = roleHeldAt("agent", agent, null, now) ?? (await defaultRoleId(db, agent.workspaceId));
  return {
    kind: "agent",
    id: agent.id,
    label: agent.name,
    workspaceId: agent.workspaceId,
    roleId,
    permissions: await loadPrincipalPermissions(db, agent.workspaceId, "agent", agent.id, roleId, now),
  };
}
