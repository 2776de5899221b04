import { canAssignRole, type AssignableKey, type PrincipalKind } from "@/lib/permissions";

/**
 * The engine's `canAssignRole` for a Role row from the database: its columns are the model's
 * switches. A permission set is never held as a role (SPEC §17): it is assigned beside one.
 */
export function isRoleAssignable(role: { isAdmin: boolean; kind?: string } & Record<AssignableKey, boolean>, kind: PrincipalKind): boolean {
  return role.kind !== "set" && canAssignRole(role, kind);
}
