/**
 * Giving and taking permission sets (SPEC §17). Granting a set is an assignment (SPEC §11): it
 * needs `Roles` and the set within the actor's authority; taking one away too (the holder loses
 * what it gave, which the actor must hold). A member never changes their own grants. A set given
 * `until` an instant ends by itself (recorded by lib/roles/expiry.ts); giving it again changes
 * only its end.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { PrincipalKind } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { writeAudit } from "@/lib/audit/log";
import { canAssignRole } from "@/lib/permissions";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { assertHolderGuardrailsHold } from "@/lib/roles/holder-guardrails";

export interface SetTarget {
  kind: PrincipalKind;
  id: string;
}

async function loadSet(tx: Tx, workspaceId: string, setId: string) {
  const set = await tx.role.findFirst({ where: { id: setId, workspaceId, kind: "set" } });
  if (!set) throw new DomainError("NOT_FOUND");
  return set;
}

/** The principal's name, or NOT_FOUND when it is not of this workspace. */
export async function principalLabel(tx: Tx, workspaceId: string, target: SetTarget): Promise<string> {
  const found =
    target.kind === "member"
      ? await tx.workspaceMember.findFirst({ where: { id: target.id, workspaceId }, select: { user: { select: { name: true } } } }).then((member) => member?.user.name)
      : target.kind === "apiKey"
        ? await tx.apiKey.findFirst({ where: { id: target.id, workspaceId, revokedAt: null }, select: { name: true } }).then((key) => key?.name)
        : await tx.agent.findFirst({ where: { id: target.id, workspaceId }, select: { name: true } }).then((agent) => agent?.name);
  if (found === undefined) throw new DomainError("NOT_FOUND");
  return found;
}

async function assertMayGrant(tx: Tx, actor: Principal, setId: string, target: SetTarget) {
  const authority = await authorityFor(tx, actor, "ROLES");
  if (target.kind === "member" && actor.kind === "member" && target.id === actor.id) throw new DomainError("OWN_ROLE");
  await assertRoleIdWithinAuthority(tx, actor, authority, setId);
}

export async function assignPermissionSet(tx: Tx, actor: Principal, setId: string, target: SetTarget, until: Date | null = null, now = new Date()) {
  if (until && until.getTime() <= now.getTime()) throw new DomainError("VALIDATION_FAILED", { field: "until" });
  await lockAdministration(tx, actor.workspaceId);
  const set = await loadSet(tx, actor.workspaceId, setId);
  if (!canAssignRole(set, target.kind)) throw new DomainError("ROLE_NOT_ASSIGNABLE");
  const label = await principalLabel(tx, actor.workspaceId, target);
  await assertMayGrant(tx, actor, setId, target);
  const key = { setId_principalKind_principalId: { setId, principalKind: target.kind, principalId: target.id } };
  const existing = await tx.permissionSetAssignment.findUnique({ where: key });
  // An assignment that ended but is not recorded yet is replaced as if it were gone.
  const live = existing && (existing.expiresAt === null || existing.expiresAt.getTime() > now.getTime()) ? existing : null;
  if (live && (live.expiresAt?.getTime() ?? null) === (until?.getTime() ?? null)) return;
  // SPEC §17: the holder's role's guardrails hold whatever sets it holds.
  if (!live) await assertHolderGuardrailsHold(tx, actor.workspaceId, target, { addSet: { id: set.id, name: set.name } }, now);
  await tx.permissionSetAssignment.upsert({
    where: key,
    create: { workspaceId: actor.workspaceId, setId, principalKind: target.kind, principalId: target.id, expiresAt: until, createdAt: now },
    update: { expiresAt: until, ...(live ? {} : { createdAt: now }) },
  });
  await writeAudit(tx, actor, {
    action: "permissionSet.assigned",
    targetType: target.kind,
    targetId: target.id,
    targetLabel: label,
    roleId: setId,
    before: live ? { set: set.name, ...(live.expiresAt ? { until: live.expiresAt.toISOString() } : {}) } : null,
    after: { set: set.name, ...(until ? { until: until.toISOString() } : {}) },
  });
}

export async function unassignPermissionSet(tx: Tx, actor: Principal, setId: string, target: SetTarget) {
  await lockAdministration(tx, actor.workspaceId);
  const set = await loadSet(tx, actor.workspaceId, setId);
  const label = await principalLabel(tx, actor.workspaceId, target);
  await assertMayGrant(tx, actor, setId, target);
  const { count } = await tx.permissionSetAssignment.deleteMany({ where: { setId, principalKind: target.kind, principalId: target.id } });
  if (count === 0) throw new DomainError("NOT_FOUND");
  await writeAudit(tx, actor, { action: "permissionSet.unassigned", targetType: target.kind, targetId: target.id, targetLabel: label, roleId: setId, before: { set: set.name }, after: null });
}

/** A principal that leaves the workspace (a member removed) leaves its sets too. */
export async function dropPermissionSetsOf(tx: Tx, workspaceId: string, target: SetTarget) {
  await tx.permissionSetAssignment.deleteMany({ where: { workspaceId, principalKind: target.kind, principalId: target.id } });
}
