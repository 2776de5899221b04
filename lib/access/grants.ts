/**
 * What a principal holds (SPEC §17): its role, plus the permission sets assigned to it that have
 * not ended at `now`, combined by the engine (`combineGrants`). Cached like a role's permissions,
 * behind every grant's version and the data model's, so a change to any of them is seen by the
 * next request of every instance.
 */
import type { Tx } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/hot-path";
import { dialectOf } from "@/lib/db/sql-dialect";
import { combineGrants, type EffectivePermissions, type GrantPart, type PrincipalKind } from "@/lib/permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { hasExpired, recordExpiries } from "@/lib/roles/expiry";
import { loadStampedRolePermissions, type PermissionStamp } from "./role-permissions";

export interface HeldSet {
  id: string;
  name: string;
  version: number;
  /** The assignment's end, or null for good. */
  expiresAt: Date | null;
}

/**
 * The sets a principal holds at `now`, oldest assignment first. One that has ended is not held
 * from that instant on, whoever records it; the first request to see it records it (audited).
 */
export async function heldSets(db: Tx, workspaceId: string, kind: PrincipalKind, principalId: string, now = new Date()): Promise<HeldSet[]> {
  // On the request path of every principal with sets: one statement on the direct connection
  // (lib/db/hot-path.ts) outside a transaction, not Prisma's engine.
  const rows = await queryRows<{ id: string; name: string; version: number | bigint; expiresAt: string | Date | null }>(db, dialectOf(db).placeholders(HELD_SETS), [workspaceId, kind, principalId]);
  const held = rows.filter((row) => !hasExpired(row.expiresAt, now));
  if (held.length < rows.length) await recordExpiries(db, workspaceId, now);
  return held.map((row) => ({ id: row.id, name: row.name, version: Number(row.version), expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt) }));
}

const HELD_SETS = `
    SELECT s."id", s."name", s."version", a."expiresAt"
    FROM "PermissionSetAssignment" a
    JOIN "Role" s ON s."id" = a."setId"
    WHERE a."workspaceId" = ? AND a."principalKind" = ? AND a."principalId" = ?
    ORDER BY a."createdAt", a."id"`;

const combined = new Map<string, EffectivePermissions>();
const MAX_CACHED = 500;

/**
 * The permissions of a role together with sets. Without sets, exactly the role's. The key holds
 * every grant's id and version and the data model's version: any change makes a new entry.
 */
export async function loadGrantedPermissions(
  db: Tx,
  workspaceId: string,
  role: { id: string; name: string; stamp: PermissionStamp },
  sets: readonly HeldSet[],
): Promise<EffectivePermissions> {
  const rolePermissions = await loadStampedRolePermissions(db, workspaceId, role.id, role.stamp);
  if (sets.length === 0) return rolePermissions;
  const key = [role.id, role.stamp.roleVersion, role.stamp.metadataVersion, ...sets.flatMap((set) => [set.id, set.version])].join(":");
  const cached = combined.get(key);
  if (cached) return cached;
  const parts: GrantPart[] = [{ grant: { kind: "role", id: role.id, name: role.name }, permissions: rolePermissions }];
  for (const set of sets) {
    parts.push({ grant: { kind: "set", id: set.id, name: set.name }, permissions: await loadStampedRolePermissions(db, workspaceId, set.id, { roleVersion: set.version, metadataVersion: role.stamp.metadataVersion }) });
  }
  const permissions = combineGrants(parts, await loadWorkspaceSchema(db, workspaceId));
  if (combined.size >= MAX_CACHED) combined.clear();
  combined.set(key, permissions);
  return permissions;
}

/** Everything a principal acts with at `now`: the role it holds (already resolved to the one held now) and its sets. */
export async function loadPrincipalPermissions(db: Tx, workspaceId: string, kind: PrincipalKind, principalId: string, roleId: string, now = new Date()): Promise<EffectivePermissions> {
  const [role, workspace, sets] = await Promise.all([
    db.role.findFirst({ where: { id: roleId, workspaceId }, select: { id: true, name: true, version: true } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: { metadataVersion: true } }),
    heldSets(db, workspaceId, kind, principalId, now),
  ]);
  if (!role || !workspace) throw new Error(`Role ${roleId} not found in workspace ${workspaceId}`);
  return loadGrantedPermissions(db, workspaceId, { id: role.id, name: role.name, stamp: { roleVersion: role.version, metadataVersion: workspace.metadataVersion } }, sets);
}
