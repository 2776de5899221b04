/**
 * "View as this role" (SPEC §14): an actor holding `Roles` looks at the workspace with a role's
 * read-only projection, never above their own authority (SPEC §11). The choice lives in the
 * sealed session cookie and is judged again on every request; entering and leaving are audited.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import { canSetting, combineGrants, readOnlyProjection, resolvePermissions, type EffectivePermissions, type GrantPart } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { assertAdmin, assertWithinAuthority, authorityFor } from "@/lib/access/authority";
import { grantsBeyond } from "@/lib/permissions";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { writeAudit } from "@/lib/audit/log";
import { ROLE_DEFINITION_INCLUDE, toRoleDefinition } from "./store";

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

/** "Intern + Export for audit": what the viewer looks through, named. */
function viewedName(roleName: string, setNames: readonly string[]): string {
  return [roleName, ...setNames].join(" + ");
}

/**
 * Checks the actor may view as the role, with the permission sets `setIds` beside it (SPEC §17:
 * a role plus chosen sets, as a holder of both would see), and audits it. Each must be within
 * the actor's authority.
 */
export async function startViewAs(tx: Tx, actor: Principal, roleId: string, setIds: readonly string[] = []): Promise<{ roleName: string }> {
  const authority = await authorityFor(tx, actor, "ROLES");
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId, kind: "role" }, select: { id: true, name: true, isAdmin: true } });
  if (!role) throw new DomainError("NOT_FOUND");
  if (role.isAdmin) assertAdmin(authority);
  const distinct = [...new Set(setIds)];
  const sets = await tx.role.findMany({ where: { id: { in: distinct }, workspaceId: actor.workspaceId, kind: "set" }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
  if (sets.length !== distinct.length) throw new DomainError("NOT_FOUND", { field: "setIds" });
  for (const grant of [role, ...sets]) {
    await assertWithinAuthority(tx, actor, authority, await loadRolePermissions(tx, actor.workspaceId, grant.id), { boundMe: VIEWER_IS_HOLDER });
  }
  const name = viewedName(role.name, sets.map((set) => set.name));
  await writeAudit(tx, actor, { action: "role.viewAsStarted", targetType: "role", targetId: role.id, roleId: role.id, targetLabel: name, ...(sets.length > 0 ? { after: { sets: sets.map((set) => set.name) } } : {}) });
  return { roleName: name };
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
export async function viewingAs(db: Tx, workspaceId: string, actorPermissions: EffectivePermissions, roleId: string, setIds: readonly string[] = []): Promise<ViewingAs | null> {
  if (!canSetting(actorPermissions, "ROLES")) return null;
  const role = await db.role.findFirst({ where: { id: roleId, workspaceId, kind: "role" }, include: ROLE_DEFINITION_INCLUDE });
  if (!role) return null;
  const sets = setIds.length > 0 ? await db.role.findMany({ where: { id: { in: [...setIds] }, workspaceId, kind: "set" }, include: ROLE_DEFINITION_INCLUDE, orderBy: { createdAt: "asc" } }) : [];
  // A set deleted since ends the view: what it showed is no longer a grant anyone can hold.
  if (sets.length !== new Set(setIds).size) return null;
  for (const grant of [role, ...sets]) {
    if (grantsBeyond(await loadRolePermissions(db, workspaceId, grant.id), actorPermissions, VIEWER_IS_HOLDER).length > 0) return null;
  }
  const schema = await loadWorkspaceSchema(db, workspaceId);
  const parts: GrantPart[] = [role, ...sets].map((grant) => ({
    grant: { kind: grant.kind === "set" ? "set" : "role", id: grant.id, name: grant.name },
    permissions: resolvePermissions(readOnlyProjection(toRoleDefinition(grant)), schema),
  }));
  return { roleId: role.id, roleName: viewedName(role.name, sets.map((set) => set.name)), permissions: combineGrants(parts, schema) };
}
