import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { isRoleAssignable } from "@/lib/workspace/role-assignable";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { lockAdministration } from "@/lib/workspace/administration-lock";

/**
 * The role new members receive (SPEC §3 "Default role"). Admin cannot be the default: every
 * invited person would join with full access.
 */
export async function setDefaultRole(tx: Tx, actor: Principal, roleId: string) {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "ROLES");
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId } });
  if (!role) throw new DomainError("NOT_FOUND");
  if (role.isAdmin || !isRoleAssignable(role, "member")) throw new DomainError("ROLE_NOT_ASSIGNABLE", { field: "defaultRoleId" });
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, include: { defaultRole: true } });
  if (workspace.defaultRoleId === roleId) return;
  // Every invitee and every key without a role moves from the old default to the new one.
  await assertRoleIdWithinAuthority(tx, actor, authority, roleId, "defaultRoleId");
  await assertRoleIdWithinAuthority(tx, actor, authority, workspace.defaultRoleId, "defaultRoleId");
  await tx.workspace.update({ where: { id: actor.workspaceId }, data: { defaultRoleId: roleId } });
  await writeAudit(tx, actor, {
    action: "workspace.defaultRoleChanged",
    targetType: "workspace",
    targetId: actor.workspaceId,
    roleId,
    targetLabel: workspace.name,
    before: { defaultRole: workspace.defaultRole?.name ?? null },
    after: { defaultRole: role.name },
  });
}
