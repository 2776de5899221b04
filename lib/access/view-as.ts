/**
 * "View as this role" (SPEC §14): an actor holding `Roles` looks at the workspace with a role's
 * read-only projection, never above their own authority (SPEC §11). The choice lives in the
 * sealed session cookie and is judged again on every request; entering and leaving are audited.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { canSetting, readOnlyProjection, resolvePermissions, type EffectivePermissions } from "@/lib/permissions";
import type { Principal } from "./principal";
import { assertAdmin, assertWithinAuthority, authorityFor } from "./authority";
import { grantsBeyond } from "@/lib/permissions";
import { loadRolePermissions } from "./role-permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { writeAudit } from "@/lib/audit/log";
import { ROLE_DEFINITION_INCLUDE, toRoleDefinition } from "./role-store";

/**
 * The records seen through a role are read as the viewer (`Me` is the viewer), so the viewer's
 * own rules and the role's about Me speak of the same member.
 */
const VIEWER_IS_HOLDER = "holder" as const;

export interface ViewingAs {
  roleId: string;
  roleName: string;
  permissions: EffectivePermissions;
}

/** Checks the actor may view as the role, and audits it. */
export async function startViewAs(tx: Tx, actor: Principal, roleId: string): Promise<{ roleName: string }> {
  const authority = await authorityFor(tx, actor, "ROLES");
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId }, select: { id: true, name: true, isAdmin: true } });
  if (!role) throw new DomainError("NOT_FOUND");
  if (role.isAdmin) assertAdmin(authority);
  await assertWithinAuthority(tx, actor, authority, await loadRolePermissions(tx, actor.workspaceId, role.id), { boundMe: VIEWER_IS_HOLDER });
  await writeAudit(tx, actor, { action: "role.viewAsStarted", targetType: "role", targetId: role.id, roleId: role.id, targetLabel: role.name });
  return { roleName: role.name };
}

/** Audits leaving "View as" (nothing to audit when the role is gone since). */
export async function endViewAs(tx: Tx, actor: Principal, roleId: string) {
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId }, select: { id: true, name: true } });
  if (!role) return;
  await writeAudit(tx, actor, { action: "role.viewAsEnded", targetType: "role", targetId: role.id, roleId: role.id, targetLabel: role.name });
}

/**
 * The projection to act with for this request, or null when the choice no longer holds (the role
 * was deleted, or the actor lost `Roles` or the authority over it since): then the actor is
 * simply themselves again.
 */
export async function viewingAs(db: Tx, workspaceId: string, actorPermissions: EffectivePermissions, roleId: string): Promise<ViewingAs | null> {
  if (!canSetting(actorPermissions, "ROLES")) return null;
  const role = await db.role.findFirst({ where: { id: roleId, workspaceId }, include: ROLE_DEFINITION_INCLUDE });
  if (!role) return null;
  if (grantsBeyond(await loadRolePermissions(db, workspaceId, role.id), actorPermissions, VIEWER_IS_HOLDER).length > 0) return null;
  const permissions = resolvePermissions(readOnlyProjection(toRoleDefinition(role)), await loadWorkspaceSchema(db, workspaceId));
  return { roleId: role.id, roleName: role.name, permissions };
}
