/**
 * Deactivating a member (docs/reference.md §20: SCIM `active: false`): the account stays, with its grants, but
 * cannot sign in and every session it has ends at once (server-side sessions, docs/reference.md §16).
 * Reactivating lets it sign in again. Same rules as removing a member: the `Members` settings
 * permission, an Admin only by an Admin, never oneself, never the last active Admin.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { assertAdmin, authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { endOtherSessions } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export async function setMemberActive(tx: Tx, actor: Principal, memberId: string, active: boolean, now = new Date()): Promise<{ changed: boolean }> {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "MEMBERS");
  const target = await tx.workspaceMember.findFirst({ where: { id: memberId, workspaceId: actor.workspaceId }, include: { user: true, role: true } });
  if (!target) throw new DomainError("NOT_FOUND");
  if ((target.deactivatedAt === null) === active) return { changed: false };
  if (actor.kind === "member" && target.id === actor.id) throw new DomainError("CANNOT_REMOVE_SELF");
  if (target.role.isAdmin) assertAdmin(authority);
  if (!active && target.role.isAdmin) {
    const others = await tx.workspaceMember.count({ where: { workspaceId: actor.workspaceId, id: { not: target.id }, deactivatedAt: null, role: { isAdmin: true } } });
    if (others === 0) throw new DomainError("LAST_ADMIN");
  }
  await tx.workspaceMember.update({ where: { id: target.id }, data: { deactivatedAt: active ? null : now } });
  if (!active) await endOtherSessions(tx, target.userId, null);
  await writeAudit(tx, actor, {
    action: active ? "member.reactivated" : "member.deactivated",
    targetType: "member",
    targetId: target.id,
    targetLabel: target.user.name,
    roleId: target.roleId,
    before: { active: !active },
    after: { active },
  });
  return { changed: true };
}
