/**
 * Expiring assignments (SPEC §13): an assignment may hold `until` an instant. The role a
 * principal acts with is computed with the time, so nothing depends on a background job; the
 * first request that observes a passed expiry also records it (the principal returns to the
 * default role, a key or agent to no role) and audits it once.
 */
import type { Db, Tx } from "@/lib/db/prisma";
import { writeAudit } from "@/lib/audit/log";
import type { PrincipalKind } from "@/lib/permissions";

type Instant = Date | string | number | null;

export function hasExpired(expiresAt: Instant, now: Date): boolean {
  return expiresAt !== null && new Date(expiresAt).getTime() <= now.getTime();
}

/** The role a principal holds at `now` (null: a key or agent without a role, so the default role's permissions). */
export function roleHeldAt(kind: PrincipalKind, row: { roleId: string | null; roleExpiresAt: Instant }, defaultRoleId: string | null, now: Date): string | null {
  if (!hasExpired(row.roleExpiresAt, now)) return row.roleId;
  return kind === "member" ? defaultRoleId : null;
}

/** Records every passed expiry of the workspace not yet recorded. Cheap when there is none. */
export async function expireDueAssignments(db: Db, workspaceId: string, now = new Date()): Promise<number> {
  const pending = await findDue(db, workspaceId, now);
  if (pending.members.length + pending.apiKeys.length + pending.agents.length + pending.sets.length === 0) return 0;
  return db.$transaction((tx) => recordExpiries(tx, workspaceId, now, pending));
}

async function findDue(db: Tx, workspaceId: string, now: Date) {
  const where = { workspaceId, roleExpiresAt: { lte: now } };
  const role = { select: { name: true } };
  const [members, apiKeys, agents, sets] = await Promise.all([
    db.workspaceMember.findMany({ where, include: { role, user: { select: { name: true } } } }),
    db.apiKey.findMany({ where, include: { role } }),
    db.agent.findMany({ where, include: { role } }),
    db.permissionSetAssignment.findMany({ where: { workspaceId, expiresAt: { lte: now } }, include: { set: { select: { name: true } } } }),
  ]);
  return { members, apiKeys, agents, sets };
}

/**
 * Records the passed expiries found (or all due ones), each conditional on the expiry still being
 * there: of two requests that observe the same expiry, exactly one records and audits it.
 */
export async function recordExpiries(tx: Tx, workspaceId: string, now = new Date(), pending?: Awaited<ReturnType<typeof findDue>>): Promise<number> {
  const { members, apiKeys, agents, sets } = pending ?? (await findDue(tx, workspaceId, now));
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, include: { defaultRole: { select: { id: true, name: true } } } });
  let recorded = 0;
  const record = async (kind: PrincipalKind, row: { id: string; roleId: string | null; roleExpiresAt: Date | null; role: { name: string } | null }, label: string, update: () => Promise<{ count: number }>) => {
    if ((await update()).count === 0) return;
    recorded++;
    await writeAudit(tx, { kind: "system", id: null, label: "Rolecall", workspaceId }, {
      action: "role.expired",
      targetType: kind,
      targetId: row.id,
      targetLabel: label,
      roleId: row.roleId,
      before: { role: row.role?.name ?? null, until: row.roleExpiresAt?.toISOString() ?? null },
      after: { role: kind === "member" ? (workspace.defaultRole?.name ?? null) : null },
    });
  };
  const defaultRoleId = workspace.defaultRole?.id;
  for (const member of defaultRoleId ? members : []) {
    await record("member", member, member.user.name, () => tx.workspaceMember.updateMany({ where: { id: member.id, roleExpiresAt: member.roleExpiresAt }, data: { roleId: defaultRoleId!, roleExpiresAt: null } }));
  }
  for (const key of apiKeys) await record("apiKey", key, key.name, () => tx.apiKey.updateMany({ where: { id: key.id, roleExpiresAt: key.roleExpiresAt }, data: { roleId: null, roleExpiresAt: null } }));
  for (const agent of agents) await record("agent", agent, agent.name, () => tx.agent.updateMany({ where: { id: agent.id, roleExpiresAt: agent.roleExpiresAt }, data: { roleId: null, roleExpiresAt: null } }));
  // A permission set that ended is simply gone (SPEC §17); its end is audited once, like a role's.
  for (const assignment of sets) {
    const { count } = await tx.permissionSetAssignment.deleteMany({ where: { id: assignment.id, expiresAt: assignment.expiresAt } });
    if (count === 0) continue;
    recorded++;
    const label = await principalLabelOrId(tx, workspaceId, assignment.principalKind as PrincipalKind, assignment.principalId);
    await writeAudit(tx, { kind: "system", id: null, label: "Rolecall", workspaceId }, {
      action: "permissionSet.expired",
      targetType: assignment.principalKind,
      targetId: assignment.principalId,
      targetLabel: label,
      roleId: assignment.setId,
      before: { set: assignment.set.name, until: assignment.expiresAt?.toISOString() ?? null },
      after: null,
    });
  }
  return recorded;
}

async function principalLabelOrId(tx: Tx, workspaceId: string, kind: PrincipalKind, id: string): Promise<string> {
  if (kind === "member") return (await tx.workspaceMember.findFirst({ where: { id, workspaceId }, select: { user: { select: { name: true } } } }))?.user.name ?? id;
  if (kind === "apiKey") return (await tx.apiKey.findFirst({ where: { id, workspaceId }, select: { name: true } }))?.name ?? id;
  return (await tx.agent.findFirst({ where: { id, workspaceId }, select: { name: true } }))?.name ?? id;
}
