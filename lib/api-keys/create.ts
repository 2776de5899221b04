import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { canSetting } from "@/lib/permissions";
import { isRoleAssignable } from "@/lib/workspace/role-assignable";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertAdmin, assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "./secret";
import { expiryInstant, utcDay, type CreateApiKeyInput } from "./input";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** Returned once, to be shown once; only its hash is stored. */
  secret: string;
}

/**
 * Creates an API key (SPEC §9): random secret, stored hashed, optional expiry and role.
 * Giving the key a role is a role assignment, so it also needs the Roles permission; without
 * it the key acts with the default role, which every new member receives anyway.
 */
export async function createApiKey(tx: Tx, actor: Principal, input: CreateApiKeyInput, now = new Date()): Promise<CreatedApiKey> {
  await lockAdministration(tx, actor.workspaceId);
  if (input.expiresAt !== null && input.expiresAt <= utcDay(now)) throw new DomainError("VALIDATION_FAILED", { field: "expiresAt" });

  const authority = await authorityFor(tx, actor, "API_KEYS_AND_WEBHOOKS");
  if (input.roleId !== null && !canSetting(authority, "ROLES")) throw new DomainError("FORBIDDEN", { field: "roleId" });
  let role: { id: string; name: string; isAdmin: boolean } | null = null;
  if (input.roleId !== null) {
    const found = await tx.role.findFirst({ where: { id: input.roleId, workspaceId: actor.workspaceId } });
    if (!found) throw new DomainError("NOT_FOUND", { field: "roleId" });
    if (!isRoleAssignable(found, "apiKey")) throw new DomainError("ROLE_NOT_ASSIGNABLE", { field: "roleId" });
    role = found;
  }
  // A key acts with its role, or without one with the default role: either way, never beyond
  // the permissions of whoever creates it (SPEC §11).
  if (role?.isAdmin) assertAdmin(authority);
  await assertRoleIdWithinAuthority(tx, actor, authority, role?.id ?? null, "roleId");
  const secret = generateApiKeySecret();
  const key = await tx.apiKey.create({
    data: {
      workspaceId: actor.workspaceId,
      name: input.name,
      prefix: apiKeyPrefix(secret),
      secretHash: hashApiKeySecret(secret),
      roleId: role?.id ?? null,
      expiresAt: input.expiresAt === null ? null : expiryInstant(input.expiresAt),
    },
  });
  await writeAudit(tx, actor, {
    action: "apiKey.created",
    targetType: "apiKey",
    targetId: key.id,
    targetLabel: key.name,
    roleId: role?.id ?? null,
    after: { name: key.name, prefix: key.prefix, role: role?.name ?? null, expiresAt: key.expiresAt?.toISOString() ?? null },
  });
  return { id: key.id, name: key.name, prefix: key.prefix, secret };
}
