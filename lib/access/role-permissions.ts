import type { Tx } from "@/lib/db/prisma";
import { resolvePermissions, type EffectivePermissions } from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { ROLE_DEFINITION_INCLUDE, toRoleDefinition } from "@/lib/roles/store";

/**
 * Resolved permissions, cached per role version and workspace metadata version: a role save
 * bumps `Role.version`, a data-model change bumps `Workspace.metadataVersion`, so every
 * request after a change resolves afresh while others pay one indexed lookup.
 */
const cache = new Map<string, EffectivePermissions>();
const MAX_CACHED = 500;

export interface PermissionStamp {
  roleVersion: number;
  metadataVersion: number;
}

/** For callers that already read the versions (e.g. in the same query as an API key). */
export async function loadStampedRolePermissions(db: Tx, workspaceId: string, roleId: string, stamp: PermissionStamp): Promise<EffectivePermissions> {
  const key = `${roleId}:${stamp.roleVersion}:${stamp.metadataVersion}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const [role, schema] = await Promise.all([
    db.role.findFirstOrThrow({ where: { id: roleId, workspaceId }, include: ROLE_DEFINITION_INCLUDE }),
    loadWorkspaceSchema(db, workspaceId),
  ]);
  const permissions = resolvePermissions(toRoleDefinition(role), schema);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, permissions);
  return permissions;
}

export async function loadRolePermissions(db: Tx, workspaceId: string, roleId: string): Promise<EffectivePermissions> {
  const [role, workspace] = await Promise.all([
    db.role.findFirst({ where: { id: roleId, workspaceId }, select: { version: true } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: { metadataVersion: true } }),
  ]);
  if (!role || !workspace) throw new Error(`Role ${roleId} not found in workspace ${workspaceId}`);
  return loadStampedRolePermissions(db, workspaceId, roleId, { roleVersion: role.version, metadataVersion: workspace.metadataVersion });
}
