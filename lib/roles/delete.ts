import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import type { EffectivePermissions } from "@/lib/permissions";
import { writeAudit } from "@/lib/audit/log";
import { assertAdmin, assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { ROLE_DEFINITION_INCLUDE, roleToDraft } from "./store";
import { ensureBaselineVersion, recordRoleVersion } from "./history";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { assertHolderGuardrailsHold, guardedMembersOfRole } from "./holder-guardrails";

export interface DeletedRole {
  movedMembers: number;
  movedApiKeys: number;
  movedAgents: number;
  defaultRoleName: string;
  /** Guardrails about the role, dropped with it (a statement about a role that is gone says nothing). */
  droppedGuardrails: number;
  /** A permission set's holders, who lose it and keep their role (SPEC §17). */
  releasedHolders: number;
}

/**
 * Deletes a role and, in the same transaction, moves every member, API key and agent that
 * held it to the default role (SPEC §3). Admin and the current default role cannot be deleted.
 * SPEC §16: the role must be within the actor's authority whether anyone holds it or not, and a
 * role that guardrails protect is deleted only by an Admin (its guardrails go with it).
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
  await assertMayDelete(tx, actor, authority, roleId, defaultRoleId);

  // Members moved to the default role keep their own guardrails (SPEC §17).
  for (const holder of await guardedMembersOfRole(tx, actor.workspaceId, roleId)) {
    await assertHolderGuardrailsHold(tx, actor.workspaceId, holder, { role: { id: defaultRoleId, name: workspace.defaultRole.name } });
  }
  const members = await tx.workspaceMember.updateMany({ where: { roleId, workspaceId: actor.workspaceId }, data: { roleId: defaultRoleId, roleExpiresAt: null } });
  // A key or agent without a role acts with the default role, so moving it means clearing it.
  const apiKeys = await tx.apiKey.updateMany({ where: { roleId, workspaceId: actor.workspaceId }, data: { roleId: null, roleExpiresAt: null } });
  const agents = await tx.agent.updateMany({ where: { roleId, workspaceId: actor.workspaceId }, data: { roleId: null, roleExpiresAt: null } });
  // Counted before the cascade removes them, so the audit entry says what went with the role.
  const droppedGuardrails = await tx.guardrail.count({ where: { roleId, workspaceId: actor.workspaceId } });
  const releasedHolders = await tx.permissionSetAssignment.count({ where: { setId: roleId, workspaceId: actor.workspaceId } });
  await tx.role.delete({ where: { id: roleId } });

  const result = { movedMembers: members.count, movedApiKeys: apiKeys.count, movedAgents: agents.count, defaultRoleName: workspace.defaultRole.name, droppedGuardrails, releasedHolders };
  await ensureBaselineVersion(tx, actor.workspaceId, role);
  await recordRoleVersion(tx, actor, role, "deleted", roleToDraft(role));
  await writeAudit(tx, actor, { action: "role.deleted", targetType: role.kind === "set" ? "permissionSet" : "role", targetId: roleId, roleId, targetLabel: role.name, before: roleToDraft(role), after: result });
  return result;
}

/**
 * What deleting needs beyond `Roles`: the role within authority; Admin when guardrails protect
 * it (deleting them loosens what others put in place); and, since its holders move to the default
 * role, that role within authority too. Nobody deletes the role they hold: it changes their own.
 */
async function assertMayDelete(tx: Tx, actor: Principal, authority: EffectivePermissions, roleId: string, defaultRoleId: string) {
  if (authority.isAdmin) return;
  await assertRoleIdWithinAuthority(tx, actor, authority, roleId);
  if ((await tx.guardrail.count({ where: { roleId, workspaceId: actor.workspaceId } })) > 0) assertAdmin(authority);
  if (actor.kind === "member" && (await tx.workspaceMember.count({ where: { id: actor.id, roleId } })) > 0) throw new DomainError("OWN_ROLE");
  // A set the actor holds (ended or not: its end is the actor's own grant too).
  if (actor.kind === "member" && (await tx.permissionSetAssignment.count({ where: { setId: roleId, principalKind: "member", principalId: actor.id } })) > 0) throw new DomainError("OWN_ROLE");
  const where = { roleId, workspaceId: actor.workspaceId };
  const [members, apiKeys, agents] = await Promise.all([tx.workspaceMember.count({ where }), tx.apiKey.count({ where }), tx.agent.count({ where })]);
  if (members + apiKeys + agents > 0) await assertRoleIdWithinAuthority(tx, actor, authority, defaultRoleId);
}
