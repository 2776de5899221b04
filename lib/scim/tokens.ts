/**
 * SCIM bearer tokens (docs/reference.md §20), created in Settings → Security (`Security` settings permission),
 * shown once, stored hashed. A token is not a principal of its own: each SCIM request acts as the
 * member who created it, with what that member holds at that moment (docs/reference.md §11, §16), so the
 * identity provider can do through SCIM exactly what its creator could do in the UI. A creator who
 * left the workspace or was deactivated takes the token's power along.
 */
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { memberPrincipal } from "@/lib/access/principal";
import { authorityFor } from "@/lib/access/authority";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { writeAudit } from "@/lib/audit/log";
import { DomainError } from "@/lib/errors";
import { lockAdministration } from "@/lib/workspace/administration-lock";

const TOKEN_PREFIX = "rcscim_";
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreatedScimToken {
  id: string;
  name: string;
  prefix: string;
  secret: string;
}

export async function createScimToken(tx: Tx, actor: Principal, name: string): Promise<CreatedScimToken> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "SECURITY");
  if (actor.kind !== "member") throw new DomainError("FORBIDDEN");
  const secret = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  const token = await tx.scimToken.create({
    data: { workspaceId: actor.workspaceId, name, prefix: secret.slice(0, 12), secretHash: hashApiKeySecret(secret), creatorMemberId: actor.id, creatorLabel: actor.label },
  });
  await writeAudit(tx, actor, { action: "scimToken.created", targetType: "scimToken", targetId: token.id, targetLabel: name, after: { name, prefix: token.prefix } });
  return { id: token.id, name, prefix: token.prefix, secret };
}

export async function revokeScimToken(tx: Tx, actor: Principal, tokenId: string, now = new Date()): Promise<{ name: string }> {
  await lockAdministration(tx, actor.workspaceId);
  await authorityFor(tx, actor, "SECURITY");
  const token = await tx.scimToken.findFirst({ where: { id: tokenId, workspaceId: actor.workspaceId } });
  if (!token) throw new DomainError("NOT_FOUND");
  if (!token.revokedAt) {
    await tx.scimToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { action: "scimToken.revoked", targetType: "scimToken", targetId: token.id, targetLabel: token.name, after: { revokedAt: now.toISOString() } });
  }
  return { name: token.name };
}

export async function listScimTokens(db: Tx, workspaceId: string) {
  return db.scimToken.findMany({ where: { workspaceId, revokedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, creatorLabel: true, createdAt: true, lastUsedAt: true } });
}

/** The principal a SCIM request acts as: the token's creator now, or null (unknown, revoked, creator gone or deactivated). */
export async function scimActorForToken(db: Tx, secret: string, now = new Date()): Promise<Principal | null> {
  const token = await db.scimToken.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!token || token.revokedAt) return null;
  const creator = await db.workspaceMember.findFirst({ where: { id: token.creatorMemberId, workspaceId: token.workspaceId, deactivatedAt: null }, select: { id: true } });
  if (!creator) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) await db.scimToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  return memberPrincipal(db, creator.id, now);
}
