import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import type { EffectivePermissions } from "@/lib/permissions";
import { writeAudit } from "@/lib/audit/log";
import { assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { ROLE_DEFINITION_INCLUDE, roleToDraft } from "./store";
import { ensureBaselineVersion, recordRoleVersion } from "./history";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export interface DeletedRole {
  movedMembers: number;
  movedApiKeys: number;
  movedAgents: number;
  defaultRoleName: string;
  /** Guardrails about the role, dropped with it (a statement about a role that is gone says nothing). */
  droppedGuardrails: number;
}

/**
 * Deletes a role and, in the same transaction, moves every member, API key and agent that
 * held it to the default role (SPEC §3). Admin and the current default role cannot be deleted.
 */
export async function deleteRole(tx: Tx, actor: Principal, roleId: string): Promise<DeletedRole> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId }, include: ROLE_DEFINITION_INCLUDE });
  if (!role) throw new DomainError("NOT_FOUND");
  if (role.isAdmin) throw new DomainError("ADMIN_NOT_DELETABLE");
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, include: { defaultRole: true } });
  if (!workspace.defaultRole || workspace.defaultRoleId === roleId) throw new DomainError("DEFAULT_ROLE_NOT_DELETABLE");
  const defaultRoleId = workspace.defaultRole.id;
  await assertMayMoveHolders(tx, actor, authority, roleId, defaultRoleId);

  const members = await tx.workspaceMember.updateMany({ where: { roleId, workspaceId: actor.workspaceId }, data: { roleId: defaultRoleId, roleExpiresAt: null } });
  // A key or agent without a role acts with the default role, so moving it means clearing it.
  const apiKeys = await tx.apiKey.updateMany({ where: { roleId, workspaceId: actor.workspaceId }, data: { roleId: null, roleExpiresAt: null } });
  const agents = await tx.agent.updateMany({ where: { roleId, workspaceId: actor.workspaceId }, data: { roleId: null, roleExpiresAt: null } });
  // Counted before the cascade removes them, so the audit entry says what went with the role.
  const droppedGuardrails = await tx.guardrail.count({ where: { roleId, workspaceId: actor.workspaceId } });
  await tx.role.delete({ where: { id: roleId } });

  const result = { movedMembers: members.count, movedApiKeys: apiKeys.count, movedAgents: agents.count, defaultRoleName: workspace.defaultRole.name, droppedGuardrails };
  await ensureBaselineVersion(tx, actor.workspaceId, role);
  await recordRoleVersion(tx, actor, role, "deleted", roleToDraft(role));
  await writeAudit(tx, actor, { action: "role.deleted", targetType: "role", targetId: roleId, roleId, targetLabel: role.name, before: roleToDraft(role), after: result });
  return result;
}

/** Deleting moves the holders to the default role: an assignment change for each (SPEC §11). */
async function assertMayMoveHolders(tx: Tx, actor: Principal, authority: EffectivePermissions, roleId: string, defaultRoleId: string) {
  if (authority.isAdmin) return;
  const where = { roleId, workspaceId: actor.workspaceId };
  const [members, apiKeys, agents] = await Promise.all([tx.workspaceMember.count({ where }), tx.apiKey.count({ where }), tx.agent.count({ where })]);
  if (members + apiKeys + agents === 0) return;
  await assertRoleIdWithinAuthority(tx, actor.workspaceId, authority, roleId);
  await assertRoleIdWithinAuthority(tx, actor.workspaceId, authority, defaultRoleId);
}
