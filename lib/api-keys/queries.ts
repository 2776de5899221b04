import type { Tx } from "@/lib/db/prisma";
import { isRoleAssignable } from "@/lib/workspace/role-assignable";

export type ApiKeyStatus = "active" | "expired" | "revoked";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  roleId: string | null;
  roleName: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  status: ApiKeyStatus;
}

export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

/** Every key of the workspace, newest first; revoked keys stay listed, marked as such. */
export async function listApiKeys(db: Tx, workspaceId: string, now = new Date()): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({
    where: { workspaceId },
    include: { role: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    roleId: key.roleId,
    roleName: key.role?.name ?? null,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
    createdAt: key.createdAt,
    status: apiKeyStatus(key, now),
  }));
}

/** Roles a key may hold, for the create form: the same rule the server applies. */
export async function listRolesAssignableToApiKeys(db: Tx, workspaceId: string) {
  const roles = await db.role.findMany({ where: { workspaceId, kind: "role" }, orderBy: [{ isAdmin: "desc" }, { createdAt: "asc" }] });
  return roles
    .filter((role) => isRoleAssignable(role, "apiKey"))
    .map((role) => ({ id: role.id, name: role.name }));
}
