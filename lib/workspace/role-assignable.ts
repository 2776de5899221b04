import { canAssignRole, type AssignableKey, type PrincipalKind } from "@/lib/permissions";

/** The engine's `canAssignRole` for a Role row from the database: its columns are the model's switches. */
export function isRoleAssignable(role: { isAdmin: boolean } & Record<AssignableKey, boolean>, kind: PrincipalKind): boolean {
  return canAssignRole(role, kind);
}
