import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { PrincipalKind } from "@/lib/permissions";
import { isRoleAssignable } from "@/lib/workspace/role-assignable";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertAdmin, assertRoleIdWithinAuthority, assertTimelineWithinAuthority, authorityFor, defaultRoleId } from "@/lib/access/authority";
import { roleHeldAt } from "./expiry";
import { lockRows } from "@/lib/db/locks";
import { assertHolderGuardrailsHold } from "@/lib/roles/holder-guardrails";
import { lockAdministration } from "@/lib/workspace/administration-lock";

export interface PrincipalRef {
  kind: PrincipalKind;
  id: string;
}

/**
 * Refuses a change that left the workspace without a lasting Admin member (SPEC §3, §13): one
 * whose Admin assignment does not expire. It runs after the write, inside the same transaction,
 * holding the Admin role's row (lib/db/locks.ts): of two concurrent changes that each take an
 * Admin away, the second counts once the first has committed, sees it, and is rolled back.
 */
export async function assertAdminRemains(tx: Tx, workspaceId: string) {
  const adminRoles = await tx.role.findMany({ where: { workspaceId, isAdmin: true }, select: { id: true } });
  await lockRows(tx, "Role", adminRoles.map((role) => role.id));
  const admins = await tx.workspaceMember.count({ where: { workspaceId, role: { isAdmin: true }, roleExpiresAt: null } });
  if (admins === 0) throw new DomainError("LAST_ADMIN");
}

type RoleRow = { id: string; name: string; isAdmin: boolean };

/**
 * The principal as it stands: its stored assignment and the role it holds at `now` (an expired
 * assignment not yet recorded holds the default role; a key or agent without one: null).
 */
async function loadTarget(tx: Tx, workspaceId: string, target: PrincipalRef, now: Date) {
  const row = await loadTargetRow(tx, workspaceId, target);
  if (!row) return null;
  const heldId = roleHeldAt(target.kind, { roleId: row.role?.id ?? null, roleExpiresAt: row.until }, await defaultRoleId(tx, workspaceId), now);
  const held: RoleRow | null = heldId === row.role?.id ? row.role : heldId ? await tx.role.findUniqueOrThrow({ where: { id: heldId }, select: { id: true, name: true, isAdmin: true } }) : null;
  return { ...row, held };
}

async function loadTargetRow(tx: Tx, workspaceId: string, target: PrincipalRef) {
  const role = { select: { id: true, name: true, isAdmin: true } } as const;
  if (target.kind === "member") {
    const member = await tx.workspaceMember.findFirst({ where: { id: target.id, workspaceId }, include: { user: { select: { name: true } }, role } });
    return member ? { label: member.user.name, role: member.role as RoleRow | null, until: member.roleExpiresAt } : null;
  }
  if (target.kind === "apiKey") {
    const key = await tx.apiKey.findFirst({ where: { id: target.id, workspaceId }, include: { role } });
    return key ? { label: key.name, role: key.role as RoleRow | null, until: key.roleExpiresAt } : null;
  }
  const agent = await tx.agent.findFirst({ where: { id: target.id, workspaceId }, include: { role } });
  return agent ? { label: agent.name, role: agent.role as RoleRow | null, until: agent.roleExpiresAt } : null;
}

/**
 * SPEC §11, §16: a non-Admin moves a principal only between roles within their own authority, at
 * every instant: what it holds now and would have fallen back to when its current assignment ends
 * (no role means the default role's permissions), and what it gets and falls back to when the new
 * assignment ends. Never to or from Admin.
 */
async function assertMayMove(tx: Tx, actor: Principal, from: { role: RoleRef | null; until: Date | null }, to: { role: RoleRef | null; until: Date | null }) {
  const authority = await authorityFor(tx, actor, "ROLES");
  if (authority.isAdmin) return;
  if (from.role?.isAdmin || to.role?.isAdmin) assertAdmin(authority);
  await assertTimelineWithinAuthority(tx, actor, authority, from.role?.id ?? null, from.until);
  await assertTimelineWithinAuthority(tx, actor, authority, to.role?.id ?? null, to.until);
}

type RoleRef = { id: string; isAdmin: boolean };

/** The end of the assignment held now, if it is still ahead (a passed one already fell back). */
function pendingUntil(current: { role: RoleRow | null; held: RoleRow | null; until: Date | null }, now: Date): Date | null {
  return current.until && current.held?.id === current.role?.id && current.until.getTime() > now.getTime() ? current.until : null;
}

async function setRole(tx: Tx, target: PrincipalRef, roleId: string | null, until: Date | null = null) {
  const data = { roleExpiresAt: until };
  if (target.kind === "member") {
    if (!roleId) throw new Error("A member always holds a role");
    await tx.workspaceMember.update({ where: { id: target.id }, data: { ...data, roleId } });
  } else if (target.kind === "apiKey") {
    await tx.apiKey.update({ where: { id: target.id }, data: { ...data, roleId } });
  } else {
    await tx.agent.update({ where: { id: target.id }, data: { ...data, roleId } });
  }
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Gives a member, API key or agent the role (each holds at most one; a member exactly one),
 * for good or `until` an instant in the future (SPEC §13). Giving the role it already holds
 * changes only the expiry.
 */
export async function assignRole(tx: Tx, actor: Principal, roleId: string, target: PrincipalRef, until: Date | null = null, now = new Date()) {
  await lockAdministration(tx, actor.workspaceId);
  if (until && until.getTime() <= now.getTime()) throw new DomainError("VALIDATION_FAILED", { field: "until" });
  const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: actor.workspaceId } });
  if (!role) throw new DomainError("NOT_FOUND");
  // The Role row carries the model's assignable switches under their own names.
  if (!isRoleAssignable(role, target.kind)) throw new DomainError("ROLE_NOT_ASSIGNABLE");
  if (target.kind === "member" && actor.kind === "member" && target.id === actor.id) throw new DomainError("OWN_ROLE");
  const current = await loadTarget(tx, actor.workspaceId, target, now);
  if (!current) throw new DomainError("NOT_FOUND");
  if (current.role?.id === roleId && current.held?.id === roleId && sameInstant(current.until, until)) return;
  await assertMayMove(tx, actor, { role: current.held, until: pendingUntil(current, now) }, { role, until });

  // SPEC §17: the new role's guardrails hold for the principal with the sets it keeps.
  await assertHolderGuardrailsHold(tx, actor.workspaceId, target, { role: { id: role.id, name: role.name } }, now);
  await setRole(tx, target, roleId, until);
  if (target.kind === "member" && current.role?.isAdmin) await assertAdminRemains(tx, actor.workspaceId);
  await writeAudit(tx, actor, {
    action: "role.assigned",
    targetType: target.kind,
    targetId: target.id,
    roleId,
    targetLabel: current.label,
    before: { role: current.role?.name ?? null, ...(current.until ? { until: current.until.toISOString() } : {}) },
    after: { role: role.name, ...(until ? { until: until.toISOString() } : {}) },
  });
}

/**
 * Takes the role away: a member moves to the default role; a key or agent is left without a
 * role, which means it acts with the default role's permissions (SPEC §4).
 */
export async function unassignRole(tx: Tx, actor: Principal, roleId: string, target: PrincipalRef, now = new Date()) {
  await lockAdministration(tx, actor.workspaceId);
  const current = await loadTarget(tx, actor.workspaceId, target, now);
  if (!current || current.role?.id !== roleId) throw new DomainError("NOT_FOUND");
  if (target.kind === "member" && actor.kind === "member" && target.id === actor.id) throw new DomainError("OWN_ROLE");
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, include: { defaultRole: true } });
  const defaultRole = workspace.defaultRole;
  if (!defaultRole) throw new DomainError("NOT_FOUND");
  await assertMayMove(tx, actor, { role: current.held, until: pendingUntil(current, now) }, { role: target.kind === "member" ? defaultRole : null, until: null });
  // The default role it falls back to, with its sets, keeps its guardrails (SPEC §17).
  await assertHolderGuardrailsHold(tx, actor.workspaceId, target, { role: { id: defaultRole.id, name: defaultRole.name } }, now);

  if (target.kind === "member") {
    // A member of the default role has nowhere else to go: assign another role instead.
    if (roleId === defaultRole.id) throw new DomainError("ROLE_NOT_ASSIGNABLE");
    await setRole(tx, target, defaultRole.id);
    if (current.role?.isAdmin) await assertAdminRemains(tx, actor.workspaceId);
  } else {
    await setRole(tx, target, null);
  }
  await writeAudit(tx, actor, {
    action: "role.unassigned",
    targetType: target.kind,
    targetId: target.id,
    roleId,
    targetLabel: current.label,
    before: { role: current.role?.name ?? null },
    after: { role: target.kind === "member" ? defaultRole.name : null },
  });
}
