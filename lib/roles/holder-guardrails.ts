/**
 * A guardrail about a role holds for every principal of that role, whatever sets it holds
 * (SPEC §17): a set must not give an Intern what "Intern must never …" forbids. Sets only add,
 * so only what a holder's union gains can break one; each change that adds to a holder's union
 * (a set given, a set's definition widened, a principal with sets moved to another role) is
 * judged here, in its transaction, on the union it would make.
 */
import type { Tx } from "@/lib/db/prisma";
import { combineGrants, type EffectivePermissions, type GrantPart, type PrincipalKind } from "@/lib/permissions";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { loadWorkspaceSchema } from "@/lib/metadata/schema";
import { assertGuardrailsHold } from "./guardrails";

export interface Holder {
  kind: PrincipalKind;
  id: string;
}

interface HolderGrants {
  role: { id: string; name: string };
  sets: { id: string; name: string }[];
}

/** The role a holder acts with (a key or agent without one: the default role) and its live sets. */
async function grantsOf(tx: Tx, workspaceId: string, holder: Holder, now: Date): Promise<HolderGrants | null> {
  const select = { role: { select: { id: true, name: true } } } as const;
  const row =
    holder.kind === "member"
      ? await tx.workspaceMember.findFirst({ where: { id: holder.id, workspaceId }, select })
      : holder.kind === "apiKey"
        ? await tx.apiKey.findFirst({ where: { id: holder.id, workspaceId }, select })
        : await tx.agent.findFirst({ where: { id: holder.id, workspaceId }, select });
  if (!row) return null;
  const role = row.role ?? (await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRole: { select: { id: true, name: true } } } })).defaultRole;
  if (!role) return null;
  const assignments = await tx.permissionSetAssignment.findMany({
    where: { workspaceId, principalKind: holder.kind, principalId: holder.id, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { set: { select: { id: true, name: true } } },
  });
  return { role, sets: assignments.map((assignment) => assignment.set) };
}

/** The union of a role and sets; `replaced` stands in for a definition about to be saved. */
async function unionOf(tx: Tx, workspaceId: string, grants: HolderGrants, replaced: ReadonlyMap<string, EffectivePermissions>): Promise<EffectivePermissions> {
  const permissionsOf = async (id: string) => replaced.get(id) ?? (await loadRolePermissions(tx, workspaceId, id));
  const parts: GrantPart[] = [{ grant: { kind: "role", ...grants.role }, permissions: await permissionsOf(grants.role.id) }];
  for (const set of grants.sets) parts.push({ grant: { kind: "set", ...set }, permissions: await permissionsOf(set.id) });
  return combineGrants(parts, await loadWorkspaceSchema(tx, workspaceId));
}

/**
 * Refuses (GUARDRAIL_BROKEN) when the holder's union after a change breaks a guardrail that its
 * union before kept: one of the role it would hold (when it holds sets: a role alone is judged
 * by its own saves), or one about the holder itself (a member, SPEC §17). `change`: the role it
 * moves to, a set it gains, or a role's or set's new definition.
 */
export async function assertHolderGuardrailsHold(
  tx: Tx,
  workspaceId: string,
  holder: Holder,
  change: { role?: { id: string; name: string }; addSet?: { id: string; name: string }; definition?: { id: string; permissions: EffectivePermissions } },
  now = new Date(),
): Promise<void> {
  const aboutMember = holder.kind === "member" ? await tx.guardrail.count({ where: { workspaceId, memberId: holder.id } }) : 0;
  const current = await grantsOf(tx, workspaceId, holder, now);
  if (!current) return;
  const next: HolderGrants = {
    role: change.role ?? current.role,
    sets: change.addSet && !current.sets.some((set) => set.id === change.addSet!.id) ? [...current.sets, change.addSet] : current.sets,
  };
  if (next.sets.length === 0 && aboutMember === 0) return;
  const replaced = new Map(change.definition ? [[change.definition.id, change.definition.permissions]] : []);
  const after = await unionOf(tx, workspaceId, next, replaced);
  const before = await unionOf(tx, workspaceId, current, new Map());
  if (next.sets.length > 0) {
    // Moving to another role: what that role alone breaks is already shown broken, not this move's doing.
    const roleBefore = change.role ? await loadRolePermissions(tx, workspaceId, next.role.id) : before;
    await assertGuardrailsHold(tx, workspaceId, { kind: "role", ...next.role }, roleBefore, after);
  }
  if (aboutMember > 0) await assertGuardrailsHold(tx, workspaceId, { kind: "member", id: holder.id, name: await memberName(tx, holder.id) }, before, after);
}

async function memberName(tx: Tx, memberId: string): Promise<string> {
  const member = await tx.workspaceMember.findUniqueOrThrow({ where: { id: memberId }, select: { user: { select: { name: true } } } });
  return member.user.name;
}

/** Members holding the role with a guardrail about themselves: a change to the role is judged for each. */
export async function guardedMembersOfRole(tx: Tx, workspaceId: string, roleId: string): Promise<Holder[]> {
  const rows = await tx.guardrail.findMany({ where: { workspaceId, member: { roleId } }, select: { memberId: true }, distinct: ["memberId"] });
  return rows.flatMap((row) => (row.memberId ? [{ kind: "member" as const, id: row.memberId }] : []));
}

/** Every principal holding the set now. */
export async function holdersOfSet(tx: Tx, workspaceId: string, setId: string, now = new Date()): Promise<Holder[]> {
  const rows = await tx.permissionSetAssignment.findMany({
    where: { workspaceId, setId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { principalKind: true, principalId: true },
  });
  return rows.map((row) => ({ kind: row.principalKind as PrincipalKind, id: row.principalId }));
}
