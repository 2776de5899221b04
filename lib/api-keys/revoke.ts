import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertAdmin, authorityFor } from "@/lib/access/authority";
import { lockAdministration } from "@/lib/workspace/administration-lock";

/** Revokes a key for good: REST answers 401 to it from the next request on. Idempotent. */
export async function revokeApiKey(tx: Tx, actor: Principal, keyId: string, now = new Date()) {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "API_KEYS_AND_WEBHOOKS");
  const key = await tx.apiKey.findFirst({ where: { id: keyId, workspaceId: actor.workspaceId }, include: { role: { select: { name: true, isAdmin: true } } } });
  if (!key) throw new DomainError("NOT_FOUND");
  // An Admin key is part of what only Admins touch (SPEC §11).
  if (key.role?.isAdmin) assertAdmin(authority);
  if (key.revokedAt) return { name: key.name, revokedAt: key.revokedAt };
  const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
  await writeAudit(tx, actor, {
    action: "apiKey.revoked",
    targetType: "apiKey",
    targetId: key.id,
    targetLabel: key.name,
    roleId: key.roleId,
    before: { revokedAt: null },
    after: { revokedAt: now.toISOString(), role: key.role?.name ?? null },
  });
  return { name: revoked.name, revokedAt: now };
}
