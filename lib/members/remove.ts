import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { dropPermissionSetsOf } from "@/lib/permission-sets/assignment";
import { assertAdminRemains } from "@/lib/roles/assignment";
import { assertAdmin, authorityFor } from "@/lib/access/authority";
import { lockAdministration } from "@/lib/workspace/administration-lock";

/**
 * Removes a member from the workspace. Nobody removes themselves, and the last Admin is never
 * removed: the Admin count is checked after the delete, inside the transaction, so of two
 * concurrent removals the second sees the first and is rolled back (SPEC §3, §8): the caller's
 * transaction holds the check and the delete together.
 * An account left without any workspace is deleted with its membership.
 */
export async function removeMember(tx: Tx, actor: Principal, memberId: string) {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "MEMBERS");
  const target = await tx.workspaceMember.findFirst({
    where: { id: memberId, workspaceId: actor.workspaceId },
    include: { user: true, role: true },
  });
  if (!target) throw new DomainError("NOT_FOUND");
  if (actor.kind === "member" && target.id === actor.id) throw new DomainError("CANNOT_REMOVE_SELF");
  // The actor may itself have been removed a moment ago by someone else.
  if (actor.kind === "member" && !(await tx.workspaceMember.findFirst({ where: { id: actor.id, workspaceId: actor.workspaceId }, select: { id: true } }))) {
    throw new DomainError("UNAUTHENTICATED");
  }

  if (target.role.isAdmin) assertAdmin(authority);

  await dropPermissionSetsOf(tx, actor.workspaceId, { kind: "member", id: target.id });
  const otherWorkspaces = await tx.workspaceMember.count({ where: { userId: target.userId, id: { not: target.id } } });
  if (otherWorkspaces === 0) await tx.user.delete({ where: { id: target.userId } });
  else await tx.workspaceMember.delete({ where: { id: target.id } });

  if (target.role.isAdmin) await assertAdminRemains(tx, actor.workspaceId);
  await writeAudit(tx, actor, {
    action: "member.removed",
    targetType: "member",
    targetId: target.id,
    targetLabel: target.user.name,
    roleId: target.roleId,
    before: { name: target.user.name, email: target.user.email, role: target.role.name },
  });
  return { name: target.user.name };
}
