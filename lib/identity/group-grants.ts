/**
 * Group mappings (docs/reference.md §20): a group of the identity provider → a role or a permission set. The
 * provider's groups reach Rolecall by OIDC (the groups claim, at each sign-in) or by SCIM (group
 * membership); either way the member's mapped grants are made to follow them here, through the
 * same use cases as the Assignment tab (assignRole, assignPermissionSet, unassignPermissionSet),
 * so the actor's authority (docs/reference.md §11) and every invariant hold as they do in the UI.
 *
 * - Role: the first mapping (oldest) whose group the member is in gives its role; in no mapped
 *   group, a member who holds a mapped role returns to the default role; a role given by hand
 *   (not mapped) is left alone.
 * - Sets: every set mapped from one of the member's groups is held; a mapped set whose groups the
 *   member left is taken away; sets given by hand and never mapped are left alone.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { defaultRoleId } from "@/lib/access/authority";
import { assignRole } from "@/lib/roles/assignment";
import { assignPermissionSet, unassignPermissionSet } from "@/lib/permission-sets/assignment";
import { isDomainError } from "@/lib/errors";

export interface GrantChanges {
  role: string | null;
  added: string[];
  removed: string[];
  /** Changes the actor may not make (docs/reference.md §11: own role, beyond authority, the last Admin…): skipped, each with its code. */
  refused: { grantId: string; code: string }[];
}

/**
 * One change through its use case, inside a savepoint: a refusal (some are raised after a write,
 * e.g. the last Admin) rolls that change back and skips it, instead of failing the whole sign-in
 * or SCIM request. Savepoints are plain SQL on both SQLite and PostgreSQL.
 */
async function attempt(tx: Tx, changes: GrantChanges, grantId: string, work: () => Promise<unknown>): Promise<boolean> {
  await tx.$executeRawUnsafe("SAVEPOINT group_grant");
  try {
    await work();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT group_grant");
    return true;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT group_grant");
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT group_grant");
    changes.refused.push({ grantId, code: error.code });
    return false;
  }
}

export async function syncGroupGrants(tx: Tx, actor: Principal, memberId: string, groups: readonly string[], now = new Date()): Promise<GrantChanges> {
  const mappings = await tx.groupMapping.findMany({
    where: { workspaceId: actor.workspaceId },
    include: { grant: { select: { id: true, kind: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const changes: GrantChanges = { role: null, added: [], removed: [], refused: [] };
  if (mappings.length === 0) return changes;
  const mine = new Set(groups);
  const member = await tx.workspaceMember.findFirst({ where: { id: memberId, workspaceId: actor.workspaceId }, select: { id: true, roleId: true } });
  if (!member) return changes;
  const target = { kind: "member" as const, id: member.id };

  const roleMappings = mappings.filter((mapping) => mapping.grant.kind !== "set");
  const wantedRole = roleMappings.find((mapping) => mine.has(mapping.group))?.grantId ?? null;
  const mappedRoles = new Set(roleMappings.map((mapping) => mapping.grantId));
  const nextRole = wantedRole ?? (mappedRoles.has(member.roleId) ? await defaultRoleId(tx, actor.workspaceId) : null);
  if (nextRole && nextRole !== member.roleId && (await attempt(tx, changes, nextRole, () => assignRole(tx, actor, nextRole, target, null, now)))) changes.role = nextRole;

  const setMappings = mappings.filter((mapping) => mapping.grant.kind === "set");
  const wantedSets = new Set(setMappings.filter((mapping) => mine.has(mapping.group)).map((mapping) => mapping.grantId));
  const mappedSets = new Set(setMappings.map((mapping) => mapping.grantId));
  const held = await tx.permissionSetAssignment.findMany({ where: { workspaceId: actor.workspaceId, principalKind: "member", principalId: member.id }, select: { setId: true, expiresAt: true } });
  const holds = new Set(held.filter((row) => !row.expiresAt || row.expiresAt.getTime() > now.getTime()).map((row) => row.setId));
  for (const setId of wantedSets) {
    if (holds.has(setId)) continue;
    if (await attempt(tx, changes, setId, () => assignPermissionSet(tx, actor, setId, target, null, now))) changes.added.push(setId);
  }
  for (const setId of mappedSets) {
    if (!holds.has(setId) || wantedSets.has(setId)) continue;
    if (await attempt(tx, changes, setId, () => unassignPermissionSet(tx, actor, setId, target))) changes.removed.push(setId);
  }
  return changes;
}
