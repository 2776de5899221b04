/**
 * docs/reference.md §19, teams and managers: the org statement (lib/members/org.ts, a recursive CTE) names the
 * same teams and reports as the engine's own walk (lib/permissions/org.ts) on random graphs, and
 * `My teams` / `My reports` rules select in SQL exactly the records the engine accepts in memory —
 * on SQLite and, in the second run, on PostgreSQL. Then the demo facts and the use cases behind
 * Settings → Members (cycles, names, authority, audit).
 */
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, fullTableSnapshot, type ActionOutcome } from "./refusal";
import { createTeamAction, deleteTeamAction, setManagerAction, updateTeamAction } from "@/app/settings/members/actions";
import { memberPrincipal } from "@/lib/access/principal";
import { dialectOf } from "@/lib/db/sql-dialect";
import { loadOrgGraph, loadPrincipalOrg } from "@/lib/members/org";
import { matchesRecordRule, orgOf, recordRulePredicate, type OrgGraph, type RecordCondition, type RecordRule } from "@/lib/permissions";
import { findRecordObject, listRecords } from "@/lib/records";
import { predicateSql } from "@/lib/records/sql";
import { createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
let workspaceId = "";
let memberIds: string[] = [];
const byEmail = new Map<string, string>();

beforeAll(async () => {
  ({ workspace: { id: workspaceId } } = await loadDemo(db));
  const members = await db.workspaceMember.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { id: "asc" } });
  memberIds = members.map((member) => member.id);
  for (const member of members) byEmail.set(member.user.email, member.id);
});

const id = (email: string) => byEmail.get(email)!;

/** Writes a graph to the database as the use cases would leave it (no cycle by construction). */
async function storeGraph(graph: OrgGraph) {
  await db.team.deleteMany({ where: { workspaceId } });
  for (const memberId of memberIds) await db.workspaceMember.update({ where: { id: memberId }, data: { managerId: graph.managerOf.get(memberId) ?? null } });
  for (const team of graph.teams) {
    await db.team.create({
      data: { id: team.id, workspaceId, name: team.name, nameKey: team.name.toLowerCase(), leadId: team.leadId, members: { create: team.memberIds.map((memberId) => ({ memberId })) } },
    });
  }
}

/** A random forest (each member's manager comes earlier in a random order) and up to three teams. */
const graphArb = (ids: readonly string[]): fc.Arbitrary<OrgGraph> =>
  fc
    .record({
      order: fc.shuffledSubarray([...ids], { minLength: ids.length, maxLength: ids.length }),
      managers: fc.array(fc.option(fc.nat(), { freq: 2 }), { minLength: ids.length, maxLength: ids.length }),
      teams: fc.array(fc.record({ lead: fc.option(fc.constantFrom(...ids), { freq: 3 }), members: fc.subarray([...ids], { maxLength: 4 }) }), { maxLength: 3 }),
    })
    .map(({ order, managers, teams }) => ({
      managerOf: new Map(order.map((member, index) => [member, index > 0 && managers[index] !== null ? order[managers[index]! % index] : null])),
      teams: teams.map((team, index) => ({ id: `team-${index}`, name: `Team ${index}`, leadId: team.lead, memberIds: team.members })),
    }));

const RELATIONS = [{ me: true as const }, { myTeams: true as const }, { myReports: true as const }];
const conditionArb: fc.Arbitrary<RecordCondition> = fc.record({ field: fc.constant("ownerId"), operator: fc.constantFrom("eq" as const, "neq" as const), value: fc.constantFrom(...RELATIONS) });
const ruleArb: fc.Arbitrary<RecordRule> = fc.record({ mode: fc.constant("match" as const), join: fc.constantFrom("all" as const, "any" as const), conditions: fc.array(conditionArb, { minLength: 1, maxLength: 3 }) });

describe("org statement and rules: SQL ≡ engine", () => {
  it("names the engine's teams and reports, and the rules select the records the engine accepts", async () => {
    const object = (await findRecordObject(db, workspaceId, "opportunities"))!;
    const rows = await db.record.findMany({ where: { objectMetadataId: object.id }, select: { id: true, data: true }, orderBy: { id: "asc" } });
    await fc.assert(
      fc.asyncProperty(graphArb(memberIds), fc.constantFrom(...memberIds), ruleArb, async (graph, memberId, rule) => {
        await storeGraph(graph);
        // The recursive CTE against the engine's walk, for the chosen member and every other.
        for (const someone of memberIds) expect(await loadPrincipalOrg(db, workspaceId, someone)).toEqual(orgOf(someone, graph));
        const principal = { memberId, org: await loadPrincipalOrg(db, workspaceId, memberId) };
        const d = dialectOf(db);
        const where = predicateSql(recordRulePredicate(rule, principal), object.fieldsByName, d);
        const found = await db.$queryRawUnsafe<{ id: string }[]>(d.placeholders(`SELECT "id" FROM "Record" WHERE "objectMetadataId" = ? AND ${where.text} ORDER BY "id"`), object.id, ...where.params);
        const expected = rows.filter((row) => matchesRecordRule(rule, JSON.parse(row.data), principal)).map((row) => row.id);
        expect(found.map((row) => row.id).sort()).toEqual([...expected].sort());
        // Keys and agents: a relation matches nothing for them.
        expect(rows.filter((row) => matchesRecordRule(rule, JSON.parse(row.data), { memberId: null }))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe("the demo (docs/reference.md §19)", () => {
  beforeAll(async () => {
    // The property test above rewrote the graph: put the demo's back.
    await db.team.deleteMany({ where: { workspaceId } });
    for (const memberId of memberIds) await db.workspaceMember.update({ where: { id: memberId }, data: { managerId: null } });
    for (const email of ["sam@acme.dev", "noah@acme.dev"]) await db.workspaceMember.update({ where: { id: id(email) }, data: { managerId: id("lena@acme.dev") } });
    await db.team.create({ data: { workspaceId, name: "West", nameKey: "west", leadId: id("lena@acme.dev"), members: { create: [{ memberId: id("sam@acme.dev") }, { memberId: id("noah@acme.dev") }] } } });
    await db.team.create({ data: { workspaceId, name: "East", nameKey: "east", leadId: id("yuki@acme.dev") } });
  });

  it("Lena (Sales manager) sees exactly Sam's, Noah's and her own opportunities", async () => {
    const lena = (await memberPrincipal(db, id("lena@acme.dev")))!;
    expect(lena.org?.reportIds).toEqual([id("sam@acme.dev"), id("noah@acme.dev")].sort());
    expect(lena.org?.teams.map((team) => team.name)).toEqual(["West"]);
    const seen = await listRecords(db, lena, "opportunities", { limit: 200 });
    const owners = new Set(seen.records.map((record) => record.ownerId));
    expect(owners).toEqual(new Set([id("sam@acme.dev"), id("noah@acme.dev"), id("lena@acme.dev")]));
    const object = (await findRecordObject(db, workspaceId, "opportunities"))!;
    const all = await db.record.findMany({ where: { objectMetadataId: object.id, deletedAt: null } });
    const theirs = all.filter((row) => [id("sam@acme.dev"), id("noah@acme.dev"), id("lena@acme.dev")].includes(JSON.parse(row.data).ownerId));
    expect(seen.records.length).toBe(theirs.length);
  });

  it("Sam and Noah (Sales rep) still see only their own", async () => {
    for (const email of ["sam@acme.dev", "noah@acme.dev"]) {
      const principal = (await memberPrincipal(db, id(email)))!;
      const seen = await listRecords(db, principal, "opportunities", { limit: 200 });
      expect(seen.records.length).toBeGreaterThan(0);
      expect(new Set(seen.records.map((record) => record.ownerId))).toEqual(new Set([id(email)]));
    }
  });
});

describe("use cases behind Settings → Members", () => {
  const snapshot = () => fullTableSnapshot(db);
  const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(snapshot, call, code, field);

  beforeEach(async () => {
    await actAs(db, "admin@acme.dev");
  });

  it("refuses a manager that would close a cycle, and a member managing herself", async () => {
    await expectRefused(() => setManagerAction({ memberId: id("lena@acme.dev"), managerId: id("sam@acme.dev") }), "MANAGER_CYCLE", "managerId");
    await expectRefused(() => setManagerAction({ memberId: id("lena@acme.dev"), managerId: id("lena@acme.dev") }), "MANAGER_CYCLE", "managerId");
    // Two levels: Yuki under Sam, then Lena under Yuki would loop Lena → Yuki → Sam → Lena.
    expect(await setManagerAction({ memberId: id("yuki@acme.dev"), managerId: id("sam@acme.dev") })).toMatchObject({ ok: true });
    await expectRefused(() => setManagerAction({ memberId: id("lena@acme.dev"), managerId: id("yuki@acme.dev") }), "MANAGER_CYCLE", "managerId");
    const lena = (await memberPrincipal(db, id("lena@acme.dev")))!;
    expect(lena.org?.reportIds).toEqual([id("sam@acme.dev"), id("noah@acme.dev"), id("yuki@acme.dev")].sort());
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "member.managerChanged", targetId: id("yuki@acme.dev") } });
    expect(JSON.parse(entry.after!)).toEqual({ manager: "Sam Seller" });
    expect(await setManagerAction({ memberId: id("yuki@acme.dev"), managerId: null })).toMatchObject({ ok: true, data: { managerName: null } });
  });

  it("creates, renames and deletes a team; names are unique case-insensitively and required", async () => {
    const created = await createTeamAction({ name: "North", leadId: id("mia@acme.dev"), memberIds: [id("yuki@acme.dev"), id("sam@acme.dev")] });
    expect(created).toMatchObject({ ok: true, data: { name: "North" } });
    if (!created.ok) return;
    // Sam is now in two teams.
    const sam = (await memberPrincipal(db, id("sam@acme.dev")))!;
    expect(sam.org?.teams.map((team) => team.name)).toEqual(["North", "West"]);
    await expectRefused(() => createTeamAction({ name: " west ", leadId: null, memberIds: [] }), "TEAM_NAME_TAKEN", "name");
    await expectRefused(() => createTeamAction({ name: "   ", leadId: null, memberIds: [] }), "TEAM_NAME_REQUIRED", "name");
    await expectRefused(() => createTeamAction({ name: "Ghosts", leadId: null, memberIds: ["nobody"] }), "NOT_FOUND");
    expect(await updateTeamAction({ teamId: created.data.id, name: "North-East", leadId: null, memberIds: [id("yuki@acme.dev")] })).toMatchObject({ ok: true });
    const graph = await loadOrgGraph(db, workspaceId);
    expect(graph.teams.find((team) => team.id === created.data.id)).toEqual({ id: created.data.id, name: "North-East", leadId: null, memberIds: [id("yuki@acme.dev")] });
    expect(await deleteTeamAction({ teamId: created.data.id })).toMatchObject({ ok: true, data: { name: "North-East" } });
    const actions = (await db.auditLog.findMany({ where: { targetId: created.data.id }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["team.created", "team.updated", "team.deleted"]);
  });

  it("needs the Members setting; a non-Admin never widens her own reach nor touches an Admin", async () => {
    await actAs(db, "mia@acme.dev");
    await expectRefused(() => setManagerAction({ memberId: id("noah@acme.dev"), managerId: id("mia@acme.dev") }), "FORBIDDEN");
    await expectRefused(() => createTeamAction({ name: "Mine", leadId: id("mia@acme.dev"), memberIds: [] }), "FORBIDDEN");

    const { workspace } = await loadDemo(db);
    const role = await createRole(db, workspace.id, {} as ObjectIndex, { name: "People ops (org)", canSeeAllObjects: true, canEditAllObjects: true, canCreateAllObjects: true, settings: ["MEMBERS"] });
    await db.workspaceMember.update({ where: { id: id("mia@acme.dev") }, data: { roleId: role.id } });
    await actAs(db, "mia@acme.dev");
    await expectRefused(() => setManagerAction({ memberId: id("noah@acme.dev"), managerId: id("mia@acme.dev") }), "ORG_OWN_REACH");
    await expectRefused(() => createTeamAction({ name: "Mine", leadId: id("mia@acme.dev"), memberIds: [id("sam@acme.dev")] }), "ORG_OWN_REACH");
    await expectRefused(() => setManagerAction({ memberId: id("ada@acme.dev"), managerId: id("lena@acme.dev") }), "ADMIN_ONLY");
    // Within her authority and not about herself: allowed.
    // Beyond her authority: Lena's Sales manager allows sharing, which Mia's role does not.
    await expectRefused(() => setManagerAction({ memberId: id("yuki@acme.dev"), managerId: id("lena@acme.dev") }), "EXCEEDS_AUTHORITY");
    expect(await setManagerAction({ memberId: id("yuki@acme.dev"), managerId: id("gus@acme.dev") })).toMatchObject({ ok: true });
    await db.workspaceMember.update({ where: { id: id("yuki@acme.dev") }, data: { managerId: null } });
    await db.workspaceMember.update({ where: { id: id("mia@acme.dev") }, data: { roleId: (await loadDemo(db)).roleId("Member") } });
  });
});
