/**
 * Teams and managers (docs/reference.md §19), the use cases behind Settings → Members → Teams and a member's
 * `Manager`. Each takes the administration lock, needs the `Members` settings permission and
 * stays within the actor's authority (docs/reference.md §11), and is audited.
 *
 * Why authority reaches here: a team or a manager widens what `My teams` / `My reports` rules
 * reach, so changing them hands records to people. A non-Admin actor therefore
 * - never touches the teams or manager of an Admin member (`Only an Admin can do this.`);
 * - never widens her own reach by it (becoming, directly or not, someone's manager; joining or
 *   leading a team; adding people to a team she is in): `ORG_OWN_REACH`;
 * - only hands reach to members whose role is within her authority (the new manager and those
 *   above, the team's people), as for assigning them a role.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError } from "@/lib/errors";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { assertAdmin, assertRoleIdWithinAuthority, authorityFor } from "@/lib/access/authority";
import { lockAdministration } from "@/lib/workspace/administration-lock";
import { managerCycle, orgOf, reportsOf, type EffectivePermissions, type OrgGraph } from "@/lib/permissions";
import { normalizeRoleName, roleNameKey } from "@/lib/permissions/role-name";
import { loadOrgGraph } from "./org";
import { TEAM_NAME_MAX_LENGTH, type SetManagerInput, type TeamInput } from "./input";

interface MemberRow {
  id: string;
  roleId: string;
  name: string;
  isAdmin: boolean;
}

async function membersOf(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<Map<string, MemberRow>> {
  const rows = await tx.workspaceMember.findMany({
    where: { workspaceId, id: { in: [...new Set(ids)] } },
    select: { id: true, roleId: true, user: { select: { name: true } }, role: { select: { isAdmin: true } } },
  });
  const found = new Map(rows.map((row) => [row.id, { id: row.id, roleId: row.roleId, name: row.user.name, isAdmin: row.role.isAdmin }]));
  if (found.size !== new Set(ids).size) throw new DomainError("NOT_FOUND");
  return found;
}

/** Every member the actor reaches through the organisation: her reports and her teams' people. */
function reachOf(memberId: string | null, graph: OrgGraph): Set<string> {
  if (memberId === null) return new Set();
  const org = orgOf(memberId, graph);
  return new Set([...org.reportIds, ...org.teams.flatMap((team) => team.memberIds)]);
}

/** The non-Admin rules of the module comment, for a change from `before` to `after`. */
async function assertOrgChangeWithinAuthority(tx: Tx, actor: Principal, authority: EffectivePermissions, before: OrgGraph, after: OrgGraph, touched: readonly MemberRow[], gaining: readonly MemberRow[]) {
  if (authority.isAdmin) return;
  if (touched.some((member) => member.isAdmin) || gaining.some((member) => member.isAdmin)) assertAdmin(authority);
  const self = actor.kind === "member" ? actor.id : null;
  const had = reachOf(self, before);
  if ([...reachOf(self, after)].some((member) => !had.has(member))) throw new DomainError("ORG_OWN_REACH");
  for (const member of gaining) await assertRoleIdWithinAuthority(tx, actor, authority, member.roleId);
}

export async function setManager(tx: Tx, actor: Principal, input: SetManagerInput) {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "MEMBERS");
  const ids = input.managerId ? [input.memberId, input.managerId] : [input.memberId];
  const members = await membersOf(tx, actor.workspaceId, ids);
  const member = members.get(input.memberId)!;
  const manager = input.managerId ? members.get(input.managerId)! : null;
  const before = await loadOrgGraph(tx, actor.workspaceId);
  const previousId = before.managerOf.get(member.id) ?? null;
  if (previousId === (manager?.id ?? null)) return { name: member.name, managerName: manager?.name ?? null };
  // Read under the administration lock: two concurrent changes cannot each close half a cycle.
  if (managerCycle(member.id, manager?.id ?? null, before.managerOf)) throw new DomainError("MANAGER_CYCLE", { field: "managerId" });

  const after: OrgGraph = { ...before, managerOf: new Map([...before.managerOf, [member.id, manager?.id ?? null]]) };
  // Who gains reach: the new manager and everyone above her (each reaches the member and her reports).
  const chain: string[] = [];
  for (let at = manager?.id ?? null; at && !chain.includes(at); at = after.managerOf.get(at) ?? null) chain.push(at);
  const gaining = chain.length > 0 ? [...(await membersOf(tx, actor.workspaceId, chain)).values()] : [];
  await assertOrgChangeWithinAuthority(tx, actor, authority, before, after, [member], gaining);

  await tx.workspaceMember.update({ where: { id: member.id }, data: { managerId: manager?.id ?? null } });
  const previous = previousId ? (await membersOf(tx, actor.workspaceId, [previousId])).get(previousId)!.name : null;
  await writeAudit(tx, actor, {
    action: "member.managerChanged",
    targetType: "member",
    targetId: member.id,
    targetLabel: member.name,
    before: { manager: previous },
    after: { manager: manager?.name ?? null },
  });
  return { name: member.name, managerName: manager?.name ?? null };
}

function teamName(name: string): { name: string; key: string } {
  const normalized = normalizeRoleName(name);
  if (normalized.length === 0) throw new DomainError("TEAM_NAME_REQUIRED", { field: "name" });
  if (normalized.length > TEAM_NAME_MAX_LENGTH) throw new DomainError("VALIDATION_FAILED", { field: "name" });
  return { name: normalized, key: roleNameKey(normalized) };
}

async function assertNameFree(tx: Tx, workspaceId: string, key: string, teamId: string | null) {
  const taken = await tx.team.findFirst({ where: { workspaceId, nameKey: key, ...(teamId ? { id: { not: teamId } } : {}) }, select: { id: true } });
  if (taken) throw new DomainError("TEAM_NAME_TAKEN", { field: "name" });
}

function people(team: { leadId: string | null; memberIds: readonly string[] }): string[] {
  return [...new Set([...(team.leadId ? [team.leadId] : []), ...team.memberIds])];
}

/** Writes a team (created when `teamId` is null) after the checks; returns what the audit says of it. */
async function saveTeam(tx: Tx, actor: Principal, teamId: string | null, input: TeamInput) {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "MEMBERS");
  const { name, key } = teamName(input.name);
  await assertNameFree(tx, actor.workspaceId, key, teamId);
  const existing = teamId ? await tx.team.findFirst({ where: { id: teamId, workspaceId: actor.workspaceId }, include: { members: true } }) : null;
  if (teamId && !existing) throw new DomainError("NOT_FOUND");
  const beforeTeam = existing ? { leadId: existing.leadId, memberIds: existing.members.map((row) => row.memberId) } : { leadId: null, memberIds: [] };
  const afterTeam = { leadId: input.leadId, memberIds: [...new Set(input.memberIds)] };
  const members = await membersOf(tx, actor.workspaceId, [...people(afterTeam), ...people(beforeTeam)]);

  const before = await loadOrgGraph(tx, actor.workspaceId);
  const id = teamId ?? "new-team";
  const after: OrgGraph = {
    ...before,
    teams: [...before.teams.filter((team) => team.id !== id), { id, name, leadId: afterTeam.leadId, memberIds: afterTeam.memberIds }],
  };
  const added = people(afterTeam).filter((member) => !people(beforeTeam).includes(member));
  const removed = people(beforeTeam).filter((member) => !people(afterTeam).includes(member));
  // Everyone who stays or joins gains reach over whoever joins (and a joiner over them all).
  const gaining = added.length > 0 ? people(afterTeam).map((member) => members.get(member)!) : [];
  await assertOrgChangeWithinAuthority(tx, actor, authority, before, after, [...added, ...removed].map((member) => members.get(member)!), gaining);

  const data = { name, nameKey: key, leadId: afterTeam.leadId };
  const saved = existing
    ? await tx.team.update({ where: { id: existing.id }, data })
    : await tx.team.create({ data: { ...data, workspaceId: actor.workspaceId } });
  await tx.teamMember.deleteMany({ where: { teamId: saved.id, memberId: { notIn: afterTeam.memberIds } } });
  const kept = new Set(beforeTeam.memberIds);
  for (const memberId of afterTeam.memberIds) if (!kept.has(memberId)) await tx.teamMember.create({ data: { teamId: saved.id, memberId } });

  const describe = (team: { leadId: string | null; memberIds: readonly string[] }, teamName: string) => ({
    name: teamName,
    lead: team.leadId ? (members.get(team.leadId)?.name ?? null) : null,
    members: team.memberIds.map((member) => members.get(member)?.name ?? member).sort(),
  });
  await writeAudit(tx, actor, {
    action: existing ? "team.updated" : "team.created",
    targetType: "team",
    targetId: saved.id,
    targetLabel: name,
    ...(existing ? { before: describe(beforeTeam, existing.name) } : {}),
    after: describe(afterTeam, name),
  });
  return { id: saved.id, name };
}

export function createTeam(tx: Tx, actor: Principal, input: TeamInput) {
  return saveTeam(tx, actor, null, input);
}

export function updateTeam(tx: Tx, actor: Principal, teamId: string, input: TeamInput) {
  return saveTeam(tx, actor, teamId, input);
}

/** Deleting a team only narrows reach; it still needs `Members`, and an Admin in it needs an Admin. */
export async function deleteTeam(tx: Tx, actor: Principal, teamId: string) {
  await lockAdministration(tx, actor.workspaceId);
  const authority = await authorityFor(tx, actor, "MEMBERS");
  const team = await tx.team.findFirst({ where: { id: teamId, workspaceId: actor.workspaceId }, include: { members: true } });
  if (!team) throw new DomainError("NOT_FOUND");
  const before = { leadId: team.leadId, memberIds: team.members.map((row) => row.memberId) };
  const members = await membersOf(tx, actor.workspaceId, people(before));
  if (!authority.isAdmin && [...members.values()].some((member) => member.isAdmin)) assertAdmin(authority);
  await tx.team.delete({ where: { id: team.id } });
  await writeAudit(tx, actor, {
    action: "team.deleted",
    targetType: "team",
    targetId: team.id,
    targetLabel: team.name,
    before: { name: team.name, lead: team.leadId ? (members.get(team.leadId)?.name ?? null) : null, members: before.memberIds.map((member) => members.get(member)?.name ?? member).sort() },
  });
  return { name: team.name };
}

/** For the Teams page: every team with its lead and members, by name. */
export async function listTeams(db: Tx, workspaceId: string) {
  const teams = await db.team.findMany({
    where: { workspaceId },
    orderBy: { nameKey: "asc" },
    select: { id: true, name: true, leadId: true, members: { select: { memberId: true } } },
  });
  return teams.map((team) => ({ id: team.id, name: team.name, leadId: team.leadId, memberIds: team.members.map((row) => row.memberId) }));
}

export { reportsOf };
