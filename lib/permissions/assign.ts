import type { AssignableTo, PrincipalKind } from "./types";

/**
 * May a role be held by this kind of principal (SPEC §4, §2.7)? A role without `assignableTo`
 * is assignable to every kind. Admin is never assignable to an AI agent, whatever is stored:
 * an agent acting with full access would bypass every rule the workspace sets.
 */
export function canAssignRole(
  role: { readonly isAdmin: boolean; readonly assignableTo?: AssignableTo },
  kind: PrincipalKind,
): boolean {
  if (role.isAdmin && kind === "agent") return false;
  return role.assignableTo?.[kind] ?? true;
}
