/**
 * Agent tokens (SPEC §15): the credential of an AI agent on MCP's streamable HTTP transport.
 * A token is shown once and stored hashed, like an API key. Whoever holds it acts as the agent,
 * with the agent's own role, so minting one is an assignment of that role's power: it needs the
 * `API keys & webhooks` settings permission and the agent's role within the actor's authority
 * (SPEC §11).
 */
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { assertTimelineWithinAuthority, authorityFor, defaultRoleId } from "@/lib/access/authority";
import { roleHeldAt } from "@/lib/roles/expiry";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { writeAudit } from "@/lib/audit/log";
import { lockAdministration } from "@/lib/workspace/administration-lock";

const TOKEN_PREFIX = "rca_";
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreatedAgentToken {
  id: string;
  name: string;
  prefix: string;
  /** Returned once, to be shown once. */
  secret: string;
}

/**
 * Mints a token for the agent, optionally ending at `expiresAt`. The token acts with whatever
 * the agent holds at each request, so the actor must hold all of the agent's timeline: the role
 * it holds now and, if that assignment ends, the default role it falls back to (SPEC §16).
 */
export async function createAgentToken(tx: Tx, actor: Principal, agentId: string, name: string, expiresAt: Date | null = null, now = new Date()): Promise<CreatedAgentToken> {
  await lockAdministration(tx, actor.workspaceId);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new DomainError("VALIDATION_FAILED", { field: "expiresAt" });
  const authority = await authorityFor(tx, actor, "API_KEYS_AND_WEBHOOKS");
  const agent = await tx.agent.findFirst({ where: { id: agentId, workspaceId: actor.workspaceId } });
  if (!agent) throw new DomainError("NOT_FOUND");
  const held = roleHeldAt("agent", agent, await defaultRoleId(tx, actor.workspaceId), now);
  await assertTimelineWithinAuthority(tx, actor, authority, held, held === agent.roleId ? agent.roleExpiresAt : null);
  const secret = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const token = await tx.agentToken.create({
    data: { workspaceId: actor.workspaceId, agentId, name, prefix: secret.slice(0, 8), secretHash: hashApiKeySecret(secret), expiresAt },
  });
  await writeAudit(tx, actor, {
    action: "agentToken.created",
    targetType: "agent",
    targetId: agent.id,
    targetLabel: agent.name,
    roleId: agent.roleId,
    after: { token: token.name, prefix: token.prefix, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { id: token.id, name: token.name, prefix: token.prefix, secret };
}

export async function revokeAgentToken(tx: Tx, actor: Principal, tokenId: string, now = new Date()) {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "API_KEYS_AND_WEBHOOKS");
  const token = await tx.agentToken.findFirst({ where: { id: tokenId, workspaceId: actor.workspaceId }, include: { agent: { select: { name: true } } } });
  if (!token) throw new DomainError("NOT_FOUND");
  if (token.revokedAt) return { name: token.name };
  await tx.agentToken.update({ where: { id: token.id }, data: { revokedAt: now } });
  await writeAudit(tx, actor, { action: "agentToken.revoked", targetType: "agent", targetId: token.agentId, targetLabel: token.agent.name, before: { token: token.name, revokedAt: null }, after: { revokedAt: now.toISOString() } });
  return { name: token.name };
}

/** The agent a Bearer secret speaks for, or null (unknown, revoked or expired). */
export async function agentIdForToken(db: Tx, secret: string, now = new Date()): Promise<string | null> {
  const token = await db.agentToken.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!token || token.revokedAt) return null;
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.agentToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return token.agentId;
}

export async function listAgentsWithTokens(db: Tx, workspaceId: string) {
  return db.agent.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    include: { role: { select: { name: true } }, tokens: { where: { revokedAt: null }, orderBy: { createdAt: "desc" } } },
  });
}
