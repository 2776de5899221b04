/**
 * SPEC §14 "Compare": two roles side by side, only where they differ, with where each value
 * comes from (inherited from a broader level or overridden by a rule).
 */
import type { Tx } from "@/lib/db/prisma";
import { diffPermissions, type ExceedingPermission, type PermissionSource, type EffectivePermissions } from "@/lib/permissions";
import { loadRolePermissions } from "@/lib/access/role-permissions";

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
    case "sharing": {
      const allowed = permissions.objects[item.object]?.allowSharing === true;
      return { allowed, source: allowed ? "objectRule" : "baseline" };
    }
  }
}

function flag(value: { value: boolean; source: PermissionSource } | undefined): ComparedValue {
  return value ? { allowed: value.value, source: value.source } : { allowed: false, source: "fixed" };
}
