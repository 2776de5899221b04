/**
 * The organisation as rules read it (docs/reference.md §19): who reports to whom, who is in which team. Pure:
 * the server loads the graph (lib/members/org.ts, a recursive CTE on both databases) and this
 * module is what the loader is checked against (tests/integration/org-rules.integration.test.ts),
 * and what refuses a manager that would close a cycle.
 */
import type { PrincipalOrg } from "./record-rule";

export interface OrgGraph {
  /** member id → its manager's id (absent or null: none). */
  readonly managerOf: ReadonlyMap<string, string | null>;
  readonly teams: readonly { readonly id: string; readonly name: string; readonly leadId: string | null; readonly memberIds: readonly string[] }[];
}

/** Everyone reporting to `memberId`, directly or not, sorted; never `memberId` itself. */
export function reportsOf(memberId: string, managerOf: ReadonlyMap<string, string | null>): string[] {
  const reportsByManager = new Map<string, string[]>();
  for (const [member, manager] of managerOf) {
    if (manager) reportsByManager.set(manager, [...(reportsByManager.get(manager) ?? []), member]);
  }
  const found = new Set<string>();
  const queue = [memberId];
  while (queue.length > 0) {
    for (const report of reportsByManager.get(queue.shift()!) ?? []) {
      // A cycle cannot be stored (managerCycle refuses it); this guard only keeps a bad row finite.
      if (report === memberId || found.has(report)) continue;
      found.add(report);
      queue.push(report);
    }
  }
  return [...found].sort();
}

/** Would `managerId` as the manager of `memberId` close a cycle (itself, or someone reporting to it)? */
export function managerCycle(memberId: string, managerId: string | null, managerOf: ReadonlyMap<string, string | null>): boolean {
  if (managerId === null) return false;
  if (managerId === memberId) return true;
  return reportsOf(memberId, managerOf).includes(managerId);
}

/** The principal's place in the graph, as RecordPrincipal.org carries it. */
export function orgOf(memberId: string, graph: OrgGraph): PrincipalOrg {
  const teams = graph.teams
    .map((team) => ({ id: team.id, name: team.name, memberIds: [...new Set([...(team.leadId ? [team.leadId] : []), ...team.memberIds])].sort() }))
    .filter((team) => team.memberIds.includes(memberId))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { teams, reportIds: reportsOf(memberId, graph.managerOf) };
}
