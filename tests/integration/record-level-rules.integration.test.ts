/**
 * Record-level rules (SPEC §13) on a real copy of the demo database: Sam (Sales rep, Owner is
 * Me) through lib/records, CSV export and every write; a key and an agent whose role keeps
 * Opportunities whose stage is not NEW, over real REST handlers and the agent tools, compared
 * with the engine's in-memory answer over every stored record.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { runAgentTool } from "@/lib/agents";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { handleGetRecord, handleListRecords } from "@/lib/api/records-handlers";
import { handleMyPermissions, handlePermissionCheck } from "@/lib/api/me-handlers";
import { explanationSchema, myPermissionsSchema } from "@/lib/api/response-schemas";
import { exportRecordsCsv } from "@/lib/csv/export";
import { DomainError } from "@/lib/errors";
import { matchesRecordRule, type RecordRule } from "@/lib/permissions";
import { createRecord, destroyRecord, getRecord, listRecords, softDeleteRecord, updateRecord, type VisibleRecord } from "@/lib/records";
import { SAM_OPPORTUNITIES } from "@/prisma/demo-data";
import { createAgent, createApiKey, createRole } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
const NOT_NEW: RecordRule = { mode: "match", join: "all", conditions: [{ field: "stage", operator: "neq", value: "NEW" }] };
const KEY = "test-not-new-key";

let sam: Principal;
let samId: string;
let miaId: string;
let agentId: string;
let opportunityObjectId: string;
let workspaceId: string;

interface StoredRow {
  id: string;
  data: Record<string, unknown>;
}

async function storedOpportunities(): Promise<StoredRow[]> {
  const rows = await db.record.findMany({
    where: { workspaceId, objectMetadataId: opportunityObjectId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) as Record<string, unknown> }));
}

async function walk(principal: Principal, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listRecords(db, principal, "opportunities", { limit, cursor });
    ids.push(...page.records.map((record: VisibleRecord) => String(record.id)));
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor);
  return ids;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.details.params?.reason, object: error.details.params?.object };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  const members = await db.workspaceMember.findMany({ where: { workspaceId }, include: { user: true } });
  const byEmail = (email: string) => members.find((member) => member.user.email === email)!;
  samId = byEmail("sam@acme.dev").id;
  miaId = byEmail("mia@acme.dev").id;
  sam = (await memberPrincipal(db, samId))!;
  const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
  const index = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((f) => [f.name, f.id])) }]));
  opportunityObjectId = index.opportunity.id;
  const role = await createRole(db, workspaceId, index, {
    name: "Pipeline past NEW",
    canSeeAllObjects: true,
    actions: ["EXPORT_CSV"],
    objectRules: [{ object: "opportunity", recordRule: NOT_NEW }],
  });
  await createApiKey(db, { workspaceId, name: "Not new", secret: KEY, roleId: role.id });
  agentId = (await createAgent(db, { workspaceId, name: "Pipeline agent", roleId: role.id })).id;
});

describe("Sales rep (Owner is Me) through lib/records", () => {
  it("lists exactly Sam's opportunities; cursors walk them without gaps or repeats", async () => {
    const expected = (await storedOpportunities()).filter((row) => row.data.ownerId === samId).map((row) => row.id);
    expect(expected).toHaveLength(SAM_OPPORTUNITIES);
    for (const limit of [1, 5, 50]) expect(await walk(sam, limit)).toEqual(expected);
    // Filters and search narrow inside the rule, never around it.
    const page = await listRecords(db, sam, "opportunities", { search: "deal", limit: 200 });
    expect(page.records.map((record) => record.id).sort()).toEqual([...expected].sort());
    const filtered = await listRecords(db, sam, "opportunities", { filter: [{ field: "ownerId", op: "neq", value: samId }] });
    expect(filtered.records).toEqual([]);
  });

  it("another's opportunity does not exist for Sam: get, update, delete answer NOT_FOUND", async () => {
    const other = (await storedOpportunities()).find((row) => row.data.ownerId !== samId)!;
    expect(await refusal(getRecord(db, sam, "opportunities", other.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(updateRecord(db, sam, "opportunities", other.id, { name: "Mine now" }))).toMatchObject({ code: "NOT_FOUND" });
    const before = await db.record.findUniqueOrThrow({ where: { id: other.id } });
    expect(JSON.parse(before.data).name).not.toBe("Mine now");
  });

  it("giving his opportunity to someone else is refused (RECORD_RULE) and nothing is written", async () => {
    const mine = (await storedOpportunities()).find((row) => row.data.ownerId === samId)!;
    const before = await db.record.findUniqueOrThrow({ where: { id: mine.id } });
    expect(await refusal(updateRecord(db, sam, "opportunities", mine.id, { ownerId: miaId }))).toEqual({
      code: "FORBIDDEN",
      reason: "RECORD_RULE",
      object: "opportunities",
    });
    expect(await refusal(updateRecord(db, sam, "opportunities", mine.id, { ownerId: null }))).toMatchObject({ reason: "RECORD_RULE" });
    const after = await db.record.findUniqueOrThrow({ where: { id: mine.id } });
    expect(after.data).toBe(before.data);
    expect(after.updatedAt).toEqual(before.updatedAt);
    // An edit that keeps him the owner goes through.
    const updated = await updateRecord(db, sam, "opportunities", mine.id, { amount: 4242 });
    expect(updated.amount).toBe(4242);
  });

  it("creates only opportunities he owns; the owner must be a member of the workspace", async () => {
    expect(await refusal(createRecord(db, sam, "opportunities", { name: "Nobody's deal" }))).toMatchObject({ code: "FORBIDDEN", reason: "RECORD_RULE" });
    expect(await refusal(createRecord(db, sam, "opportunities", { name: "Mia's deal", ownerId: miaId }))).toMatchObject({ reason: "RECORD_RULE" });
    expect(await refusal(createRecord(db, sam, "opportunities", { name: "Ghost", ownerId: "not-a-member" }))).toMatchObject({ code: "VALIDATION_FAILED" });
    const created = await createRecord(db, sam, "opportunities", { name: "Sam's new deal", ownerId: samId });
    expect((await getRecord(db, sam, "opportunities", String(created.id))).name).toBe("Sam's new deal");
    expect(await walk(sam, 50)).toContain(created.id);
  });

  it("sees People and Companies read-only, and no delete or destroy of anything", async () => {
    expect((await listRecords(db, sam, "people", { limit: 1 })).records).toHaveLength(1);
    const person = (await listRecords(db, sam, "people", { limit: 1 })).records[0];
    expect(await refusal(updateRecord(db, sam, "people", String(person.id), { city: "Oslo" }))).toMatchObject({ code: "FORBIDDEN" });
    const mine = (await storedOpportunities()).find((row) => row.data.ownerId === samId)!;
    expect(await refusal(softDeleteRecord(db, sam, "opportunities", mine.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(destroyRecord(db, sam, "opportunities", mine.id))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("CSV export holds only his opportunities", async () => {
    // Sales rep has no EXPORT_CSV; the export itself is under test, so the role is resolved with it.
    const own = (await storedOpportunities()).filter((row) => row.data.ownerId === samId);
    const result = await exportRecordsCsv(db, { ...sam, permissions: await exportPermissions() }, "opportunities");
    expect(result.count).toBe(own.length);
    for (const row of own) expect(result.csv).toContain(String(row.data.name));
    const someoneElses = (await storedOpportunities()).find((row) => row.data.ownerId !== samId)!;
    expect(result.csv).not.toContain(`${someoneElses.id}`);
  });
});

/** Sales rep plus EXPORT_CSV, resolved by the engine from the stored role (the rule stays). */
async function exportPermissions() {
  const { resolvePermissions } = await import("@/lib/permissions");
  const { loadWorkspaceSchema } = await import("@/lib/metadata/schema");
  const { toRoleDefinition, ROLE_DEFINITION_INCLUDE } = await import("@/lib/roles/store");
  const role = await db.role.findUniqueOrThrow({ where: { id: sam.roleId }, include: ROLE_DEFINITION_INCLUDE });
  return resolvePermissions({ ...toRoleDefinition(role), actions: ["EXPORT_CSV"] }, await loadWorkspaceSchema(db, workspaceId));
}

describe("a key and an agent whose role keeps Opportunities past NEW (no Me involved)", () => {
  async function rest(path: string, handler: typeof handleListRecords | typeof handleGetRecord, params: Record<string, string>) {
    const response = await handler(deps, new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${KEY}` } }), params as never);
    return { status: response.status, body: await response.json() };
  }

  it("REST lists exactly what the engine accepts over every stored record, cursor-walked", async () => {
    const expected = (await storedOpportunities()).filter((row) => matchesRecordRule(NOT_NEW, row.data, { memberId: null })).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan((await storedOpportunities()).length);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const { status, body } = await rest(`/api/rest/opportunities?${query}`, handleListRecords, { object: "opportunities" });
      expect(status).toBe(200);
      ids.push(...body.data.map((record: { id: string }) => record.id));
      cursor = body.pageInfo.hasNextPage ? body.pageInfo.endCursor : null;
    } while (cursor);
    expect(ids).toEqual(expected);

    const outside = (await storedOpportunities()).find((row) => !matchesRecordRule(NOT_NEW, row.data, { memberId: null }))!;
    const { status, body } = await rest(`/api/rest/opportunities/${outside.id}`, handleGetRecord, { object: "opportunities", id: outside.id });
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });

  it("the check API and my permissions name the rule that limits Opportunities", async () => {
    const headers = { authorization: `Bearer ${KEY}` };
    const check = await handlePermissionCheck(deps, new Request("http://localhost/api/rest/me/check?action=see&object=opportunities", { headers }), {} as never);
    const checked = await check.json();
    expect(explanationSchema.safeParse(checked).success).toBe(true);
    expect(checked.data).toMatchObject({
      allowed: true,
      recordRule: { object: "opportunity", rule: NOT_NEW, description: 'stage is not "NEW"' },
    });
    expect(checked.data.reason).toMatch(/record-level rule \(stage is not "NEW"\)/);
    const people = await (await handlePermissionCheck(deps, new Request("http://localhost/api/rest/me/check?action=see&object=people", { headers }), {} as never)).json();
    expect(people.data.recordRule).toBeUndefined();

    const mine = await (await handleMyPermissions(deps, new Request("http://localhost/api/rest/me/permissions", { headers }), {} as never)).json();
    expect(myPermissionsSchema.safeParse(mine).success).toBe(true);
    expect(mine.data.permissions.objects.opportunity.records).toEqual({ rule: NOT_NEW, source: "objectRule" });
    expect(mine.data.permissions.objects.person.records).toEqual({ rule: { mode: "all" }, source: "baseline" });
  });

  it("the agent's find_records answers the same set", async () => {
    const expected = (await storedOpportunities()).filter((row) => matchesRecordRule(NOT_NEW, row.data, { memberId: null })).map((row) => row.id);
    const result = await runAgentTool(db, { agentId }, "find_records", { object: "opportunities", limit: 200 });
    expect(result.ok).toBe(true);
    const data = (result as { ok: true; data: { data: { id: string }[] } }).data.data;
    expect(data.map((record) => record.id)).toEqual(expected);
  });

  it("an agent holding Sales rep reaches no opportunity: Me matches nothing without a member", async () => {
    const { roleId } = await loadDemo(db);
    const salesAgent = await createAgent(db, { workspaceId, name: "Sales agent", roleId: roleId("Sales rep") });
    const result = await runAgentTool(db, { agentId: salesAgent.id }, "find_records", { object: "opportunities" });
    expect(result).toMatchObject({ ok: true, data: { data: [] } });
  });
});

describe("record-level rules in the role model: saved, read back, exported, imported, validated", () => {
  const rule = (recordRule: RecordRule) => [{ object: "opportunity", canSee: null, canCreate: null, canEdit: null, canDelete: null, canDestroy: null, recordRule }];

  it("round-trips through the save action, the editor draft and a role file; refuses a rule the engine refuses", async () => {
    const { actAs } = await import("./session");
    const { createRoleAction, importRoleAction } = await import("@/app/settings/roles/actions");
    const { EMPTY_ROLE_DRAFT } = await import("@/lib/roles/draft");
    const { loadRoleForEditor } = await import("@/lib/roles/editor");
    const { toRoleFile } = await import("@/lib/roles/role-file");
    await actAs(db, "admin@acme.dev");

    const mineOrBig: RecordRule = {
      mode: "match",
      join: "any",
      conditions: [
        { field: "ownerId", operator: "eq", value: { me: true } },
        { field: "amount", operator: "gt", value: 100000 },
      ],
    };
    const created = await createRoleAction({ ...EMPTY_ROLE_DRAFT, name: "Big deals", objectRules: rule(mineOrBig) });
    expect(created.ok).toBe(true);
    const id = (created as { ok: true; data: { id: string } }).data.id;
    const stored = await db.objectPermission.findFirstOrThrow({ where: { roleId: id } });
    expect(JSON.parse(stored.recordRule!)).toEqual(mineOrBig);
    const loaded = await loadRoleForEditor(db, workspaceId, id);
    expect(loaded.draft.objectRules[0].recordRule).toEqual(mineOrBig);

    const imported = await importRoleAction({ text: JSON.stringify({ ...toRoleFile(loaded.draft), role: { ...loaded.draft, name: "Big deals copy" } }) });
    expect(imported.ok).toBe(true);
    {
      const copy = await db.role.findFirstOrThrow({ where: { workspaceId, name: "Big deals copy" }, include: { objectPermissions: true } });
      expect(JSON.parse(copy.objectPermissions[0].recordRule!)).toEqual(mineOrBig);
    }

    // Me on a text field, and a hidden field in a condition: refused with the engine's codes, nothing saved.
    const before = await db.role.count();
    const refused = await createRoleAction({
      ...EMPTY_ROLE_DRAFT,
      name: "Bad rule",
      objectRules: rule({ mode: "match", join: "all", conditions: [{ field: "stage", operator: "eq", value: { me: true } }, { field: "amount", operator: "gt", value: 5 }] }),
      fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }],
    });
    expect(refused.ok).toBe(false);
    const codes = (refused as { ok: false; errors: { code: string; field?: string }[] }).errors.map((error) => [error.code, error.field]);
    expect(codes).toEqual(expect.arrayContaining([["RECORD_RULE_ME", "record.opportunity.0"], ["RECORD_RULE_FIELD_NOT_VISIBLE", "record.opportunity.1"]]));
    expect(await db.role.count()).toBe(before);
  });

  it("a related record outside the rule gets no label", async () => {
    const { relatedLabels } = await import("@/lib/csv/related-labels");
    const { findRecordObject } = await import("@/lib/records");
    const people = (await findRecordObject(db, workspaceId, "people"))!;
    const companies = await db.record.findMany({ where: { workspaceId, object: { nameSingular: "company" } }, orderBy: { createdAt: "asc" }, take: 2 });
    const [inside, outside] = companies.map((row) => ({ id: row.id, name: (JSON.parse(row.data) as { name: string }).name }));
    // A key whose role reaches only the first company, by its name.
    const index = Object.fromEntries(
      (await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } })).map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((f) => [f.name, f.id])) }]),
    );
    const role = await createRole(db, workspaceId, index, {
      name: "One company",
      canSeeAllObjects: true,
      objectRules: [{ object: "company", recordRule: { mode: "match", join: "all", conditions: [{ field: "name", operator: "eq", value: inside.name }] } }],
    });
    const { apiKeyPrincipal } = await import("@/lib/access/principal");
    await createApiKey(db, { workspaceId, name: "One company", secret: "one-company-key", roleId: role.id });
    const result = await apiKeyPrincipal(db, "one-company-key");
    if (!result.ok) throw new Error(result.reason);
    const records = [{ id: "p1", companyId: inside.id }, { id: "p2", companyId: outside.id }];
    const labels = await relatedLabels(db, result.principal, people.fields, records);
    expect(labels.companyId).toEqual({ [inside.id]: inside.name });
  });
});
