import { ASSIGNABLE_SWITCHES, type AssignableKey } from "./model";
import type { PrincipalKind } from "./types";

/**
 * May a role be held by this kind of principal (SPEC §4, §2.7)? Reads the model's assignable
 * switches (absent: assignable), so a role definition, a draft or a Role row can be passed as they are. Admin is
 * never assignable to an AI agent, whatever is stored: an agent acting with full access would
 * bypass every rule the workspace sets.
 */
export function canAssignRole(role: { readonly isAdmin: boolean } & { readonly [K in AssignableKey]?: boolean }, kind: PrincipalKind): boolean {
  if (role.isAdmin && kind === "agent") return false;
  return role[ASSIGNABLE_SWITCHES[kind]] ?? true;
}
