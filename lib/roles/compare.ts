/**
 * SPEC §14 "Compare": two roles side by side, only where they differ, with where each value
 * comes from (inherited from a broader level or overridden by a rule). SPEC §17: any two grants
 * (roles or permission sets), or a member (her role and sets together) against either.
 */
import type { Tx } from "@/lib/db/prisma";
import { diffPermissions, type ExceedingPermission, type PermissionSource, type EffectivePermissions } from "@/lib/permissions";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { memberPrincipal } from "@/lib/access/principal";

const MEMBER_PREFIX = "member:";

/** What the compare page may put side by side: a role or set by id, or `member:<id>`. */
export function memberComparable(memberId: string): string {
  return `${MEMBER_PREFIX}${memberId}`;
}

/** The permissions behind a comparable, or null when it is not of this workspace. */
export async function loadComparable(db: Tx, workspaceId: string, ref: string): Promise<EffectivePermissions | null> {
  if (ref.startsWith(MEMBER_PREFIX)) {
    const principal = await memberPrincipal(db, ref.slice(MEMBER_PREFIX.length));
    return principal && principal.workspaceId === workspaceId ? principal.permissions : null;
  }
  const role = await db.role.findFirst({ where: { id: ref, workspaceId }, select: { id: true } });
  return role ? loadRolePermissions(db, workspaceId, role.id) : null;
}

/** Two comparables' differences, or null when either is unknown. */
export async function compareGrants(db: Tx, workspaceId: string, firstRef: string, secondRef: string): Promise<ComparisonRow[] | null> {
  const [first, second] = await Promise.all([loadComparable(db, workspaceId, firstRef), loadComparable(db, workspaceId, secondRef)]);
  return first && second ? differences(first, second) : null;
}

export interface ComparedValue {
  allowed: boolean;
  source: PermissionSource;
}

export interface ComparisonRow {
  permission: ExceedingPermission;
  first: ComparedValue;
  second: ComparedValue;
}

export async function compareRoles(db: Tx, workspaceId: string, firstRoleId: string, secondRoleId: string): Promise<ComparisonRow[]> {
  const [first, second] = await Promise.all([loadRolePermissions(db, workspaceId, firstRoleId), loadRolePermissions(db, workspaceId, secondRoleId)]);
  return differences(first, second);
}

function differences(first: EffectivePermissions, second: EffectivePermissions): ComparisonRow[] {
  const { gains, losses } = diffPermissions(first, second);
  return [...losses, ...gains].map((permission) => ({ permission, first: valueOf(first, permission), second: valueOf(second, permission) }));
}

function valueOf(permissions: EffectivePermissions, item: ExceedingPermission): ComparedValue {
  switch (item.kind) {
    case "admin":
      return { allowed: permissions.isAdmin, source: permissions.isAdmin ? "admin" : "baseline" };
    case "object":
      return flag(permissions.objects[item.object]?.[item.action]);
    case "field":
      return flag(permissions.objects[item.object]?.fields[item.field]?.[item.action]);
    case "setting":
      return flag(permissions.settings[item.key]);
    case "action":
      return flag(permissions.actions[item.key]);
  }
}

function flag(value: { value: boolean; source: PermissionSource } | undefined): ComparedValue {
  return value ? { allowed: value.value, source: value.source } : { allowed: false, source: "fixed" };
}
