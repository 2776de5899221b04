/**
 * What changes between two sets of effective permissions: what a principal gains and loses
 * when its role goes from `from` to `to` (SPEC §14: impact before Save, history, compare). The
 * same comparison as authority, both ways round, so a gain is exactly a permission beyond the
 * old role and a loss exactly one beyond the new.
 */
import { grantsBeyond, type ExceedingPermission, type PermissionView } from "./authority";

export interface PermissionDiff {
  readonly gains: readonly ExceedingPermission[];
  readonly losses: readonly ExceedingPermission[];
}

export function diffPermissions(from: PermissionView, to: PermissionView): PermissionDiff {
  return { gains: exceedingPermissionsOrAdmin(to, from), losses: exceedingPermissionsOrAdmin(from, to) };
}

export function isEmptyDiff(diff: PermissionDiff): boolean {
  return diff.gains.length === 0 && diff.losses.length === 0;
}

/**
 * Between two Admins nothing differs; from an Admin to anything else, Admin itself is lost.
 * Both sides are held by the same principal, so a rule about Me means the same member on both.
 */
function exceedingPermissionsOrAdmin(role: PermissionView, than: PermissionView): ExceedingPermission[] {
  return grantsBeyond(role, than, "holder");
}
