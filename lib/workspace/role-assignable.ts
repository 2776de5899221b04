import { canAssignRole, type PrincipalKind } from "@/lib/permissions";

interface RoleRow {
  isAdmin: boolean;
  assignableToMembers: boolean;
  assignableToApiKeys: boolean;
  assignableToAgents: boolean;
}

/** The engine's `canAssignRole` for a Role row from the database. */
export function isRoleAssignable(role: RoleRow, kind: PrincipalKind): boolean {
  return canAssignRole({ isAdmin: role.isAdmin, assignableTo: { member: role.assignableToMembers, apiKey: role.assignableToApiKeys, agent: role.assignableToAgents } }, kind);
}
