/**
 * The acting member's place in the organisation (docs/reference.md §19), read once per request for its
 * `My teams` and `My reports` conditions: one statement on both databases.
 *
 * Reports come from a recursive CTE over `WorkspaceMember.managerId`, not from a closure table:
 * a closure table must be rewritten for a whole subtree whenever a manager changes (and kept in
 * step under concurrent changes), while the CTE walks a chain of a few dozen members per request
 * and can never be stale. The members it names are then bound into the rule's predicate
 * (lib/permissions/record-rule.ts), so the records query and the in-memory evaluation read the
 * same list; tests/integration/org-rules.integration.test.ts checks this statement against the
 * engine's own walk (lib/permissions/org.ts) on random graphs.
 */
import type { Tx } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/hot-path";
import { dialectOf } from "@/lib/db/sql-dialect";
import type { OrgGraph, PrincipalOrg, PrincipalShares } from "@/lib/permissions";

/**
 * One row per fact: `report` (ref: a member reporting to the principal), `team` (ref: one of the
 * people of a team of the principal's; extra: the team id; label: its name) and `share` (ref: a
 * record shared with the principal or one of its teams; extra: `view` or `edit`).
 */
const ORG_OF_MEMBER = `
  WITH RECURSIVE "reports"("id", "depth") AS (
    SELECT m."id", 1 FROM "WorkspaceMember" m WHERE m."managerId" = ? AND m."workspaceId" = ?
    UNION
    SELECT m."id", r."depth" + 1 FROM "WorkspaceMember" m JOIN "reports" r ON m."managerId" = r."id"
    WHERE r."depth" < 1000
  )
  SELECT 'report' AS "kind", "id" AS "ref", NULL AS "extra", NULL AS "label" FROM "reports" WHERE "id" <> ?
  UNION ALL
  SELECT 'team', p."memberId", t."id", t."name" FROM "Team" t
    JOIN (SELECT "teamId", "memberId" FROM "TeamMember" UNION SELECT "id", "leadId" FROM "Team" WHERE "leadId" IS NOT NULL) p ON p."teamId" = t."id"
    WHERE t."workspaceId" = ? AND t."id" IN (
      SELECT "teamId" FROM "TeamMember" WHERE "memberId" = ? UNION SELECT "id" FROM "Team" WHERE "leadId" = ?)
  UNION ALL
  SELECT 'share', s."recordId", s."access", NULL FROM "RecordShare" s
    WHERE s."workspaceId" = ? AND ((s."targetKind" = 'member' AND s."targetId" = ?) OR (s."targetKind" = 'team' AND s."targetId" IN (
      SELECT "teamId" FROM "TeamMember" WHERE "memberId" = ? UNION SELECT "id" FROM "Team" WHERE "leadId" = ?)))`;

interface OrgRow {
  kind: "report" | "team" | "share";
  ref: string;
  extra: string | null;
  label: string | null;
}

/** Where the member stands (teams, reports) and what was shared with it, in one statement. */
export async function loadPrincipalContext(db: Tx, workspaceId: string, memberId: string): Promise<{ org: PrincipalOrg; shares: PrincipalShares }> {
  const rows = await queryRows<OrgRow>(db, dialectOf(db).placeholders(ORG_OF_MEMBER), [memberId, workspaceId, memberId, workspaceId, memberId, memberId, workspaceId, memberId, memberId, memberId]);
  const reportIds = new Set<string>();
  const teams = new Map<string, { id: string; name: string; memberIds: Set<string> }>();
  const view = new Set<string>();
  const edit = new Set<string>();
  for (const row of rows) {
    if (row.kind === "report") reportIds.add(row.ref);
    else if (row.kind === "share") (row.extra === "edit" ? edit : view).add(row.ref);
    else if (row.extra) {
      const team = teams.get(row.extra) ?? { id: row.extra, name: row.label ?? "", memberIds: new Set<string>() };
      team.memberIds.add(row.ref);
      teams.set(row.extra, team);
    }
  }
  // A record shared both ways (to the member and to a team) is editable.
  for (const id of edit) view.delete(id);
  const org = {
    teams: [...teams.values()]
      .map((team) => ({ id: team.id, name: team.name, memberIds: [...team.memberIds].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    reportIds: [...reportIds].sort(),
  };
  return { org, shares: { view: [...view].sort(), edit: [...edit].sort() } };
}

export async function loadPrincipalOrg(db: Tx, workspaceId: string, memberId: string): Promise<PrincipalOrg> {
  return (await loadPrincipalContext(db, workspaceId, memberId)).org;
}

/** The whole workspace's graph, for the engine's checks (cycles) and the Teams page. */
export async function loadOrgGraph(db: Tx, workspaceId: string): Promise<OrgGraph> {
  const [members, teams] = await Promise.all([
    db.workspaceMember.findMany({ where: { workspaceId }, select: { id: true, managerId: true } }),
    db.team.findMany({ where: { workspaceId }, select: { id: true, name: true, leadId: true, members: { select: { memberId: true } } } }),
  ]);
  return {
    managerOf: new Map(members.map((member) => [member.id, member.managerId])),
    teams: teams.map((team) => ({ id: team.id, name: team.name, leadId: team.leadId, memberIds: team.members.map((row) => row.memberId) })),
  };
}
