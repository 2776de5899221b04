/**
 * SPEC §13 "Create is distinct from Edit", channel by channel: the demo Support key (sees
 * everything, edits only the Stage of Opportunities, creates nothing) over REST, and a role that
 * edits but may not create, refused on every channel that creates (server action, REST, CSV
 * import, MCP tool) without writing anything, while its edits still go through.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase, type TestDb } from "./db";
import { expectRefusedWithoutChange } from "./refusal";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { handleCreateRecord, handleUpdateRecord } from "@/lib/api/records-handlers";
import { handleMyPermissions, handlePermissionCheck } from "@/lib/api/me-handlers";
import { handleOpenApiDocument } from "@/lib/api/service-handlers";
import { createRecordAction, importCsvAction, updateRecordAction } from "@/app/(workspace)/objects/actions";
import { loadObjectView } from "@/lib/records/object-view";
import { memberPrincipal } from "@/lib/access/principal";
import { runAgentTool } from "@/lib/agents";
import { createAgent, createApiKey, createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };

async function rest(method: string, path: string, key: string, handler: (deps: ApiDeps, request: Request, params: never) => Promise<Response>, params: Record<string, string>, body?: unknown) {
  const headers = new Headers({ authorization: `Bearer ${key}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const response = await handler(deps, new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), params as never);
  return { status: response.status, body: await response.json() };
}

/** Everything a create could write: records and the audit log. */
async function snapshot(db: TestDb) {
  const [records, audit] = await Promise.all([
    db.record.findMany({ orderBy: { id: "asc" }, select: { id: true, data: true, deletedAt: true, updatedAt: true } }),
    db.auditLog.count(),
  ]);
  return JSON.stringify({ records, audit });
}

async function someOpportunity() {
  const row = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "opportunity" }, deletedAt: null }, orderBy: { id: "asc" } });
  return { id: row.id, data: JSON.parse(row.data) as Record<string, unknown> };
}

describe("the demo Support key over REST (SPEC §13)", () => {
  const key = "demo-support-key";

  it("may not create an opportunity: 403 FORBIDDEN naming the object, nothing written", async () => {
    const before = await snapshot(db);
    const { status, body } = await rest("POST", "/api/rest/opportunities", key, handleCreateRecord, { object: "opportunities" }, { name: "Support deal" });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining('"opportunities"') });
    expect(body.error.message).toMatch(/cannot create/);
    expect(await snapshot(db)).toBe(before);
  });

  it("may change the Stage of an opportunity (a field rule granting Edit on a read-only object), and nothing else", async () => {
    const opportunity = await someOpportunity();
    const stage = opportunity.data.stage === "PROPOSAL" ? "MEETING" : "PROPOSAL";
    const moved = await rest("PATCH", `/api/rest/opportunities/${opportunity.id}`, key, handleUpdateRecord, { object: "opportunities", id: opportunity.id }, { stage });
    expect(moved.status).toBe(200);
    expect(moved.body.data.stage).toBe(stage);

    const before = await snapshot(db);
    const renamed = await rest("PATCH", `/api/rest/opportunities/${opportunity.id}`, key, handleUpdateRecord, { object: "opportunities", id: opportunity.id }, { name: "Renamed" });
    expect(renamed.status).toBe(403);
    expect(renamed.body.error).toMatchObject({ code: "FORBIDDEN", field: "name" });
    const mixed = await rest("PATCH", `/api/rest/opportunities/${opportunity.id}`, key, handleUpdateRecord, { object: "opportunities", id: opportunity.id }, { stage: "NEW", amount: 1 });
    expect(mixed.status).toBe(403);
    expect(mixed.body.error).toMatchObject({ code: "FORBIDDEN", field: "amount" });
    expect(await snapshot(db)).toBe(before);
  });

  it("sees create in me/permissions and me/check, and no POST in its OpenAPI document", async () => {
    const me = await rest("GET", "/api/rest/me/permissions", key, handleMyPermissions, {});
    expect(me.body.data.role.name).toBe("Support");
    expect(me.body.data.permissions.objects.opportunity.create).toEqual({ value: false, source: "baseline" });
    expect(me.body.data.permissions.objects.opportunity.fields.stage.edit).toEqual({ value: true, source: "fieldRule" });

    const check = await rest("GET", "/api/rest/me/check?action=create&object=opportunities", key, handlePermissionCheck, {});
    expect(check.body).toEqual({ data: { allowed: false, source: "baseline", reason: "Baseline for all objects sets create to false" } });
    const intern = await rest("GET", "/api/rest/me/check?action=create&object=people", "demo-intern-key", handlePermissionCheck, {});
    expect(intern.body.data).toMatchObject({ allowed: true, source: "objectRule" });

    const openapi = await rest("GET", "/api/openapi.json", key, handleOpenApiDocument, {});
    expect(openapi.body.paths["/api/rest/opportunities"]).not.toHaveProperty("post");
    expect(openapi.body.paths["/api/rest/opportunities/{id}"]).toHaveProperty("patch");
    expect(Object.keys(openapi.body.components.schemas.OpportunityUpdate.properties)).toEqual(["stage"]);
    expect(openapi.body.components.schemas).not.toHaveProperty("OpportunityCreate");
  });
});

describe("a role that edits but may not create", () => {
  const email = "edith@acme.dev";
  const secret = "edit-only-key";
  let agentId: string;

  beforeAll(async () => {
    const { workspace } = await loadDemo(db);
    const objects = await db.objectMetadata.findMany({ where: { workspaceId: workspace.id }, include: { fields: true } });
    const index: ObjectIndex = Object.fromEntries(
      objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]),
    );
    const role = await createRole(db, workspace.id, index, {
      name: "Editor",
      canSeeAllObjects: true,
      canCreateAllObjects: false,
      canEditAllObjects: true,
      actionsAllAccess: true,
    });
    await createMember(db, { workspaceId: workspace.id, roleId: role.id, email, name: "Edith Editor" });
    await createApiKey(db, { workspaceId: workspace.id, name: "Edit only", secret, roleId: role.id });
    agentId = (await createAgent(db, { workspaceId: workspace.id, name: "Edit-only agent", roleId: role.id })).id;
  });

  it("is refused by the server action, and its UI offers no New record nor Import", async () => {
    await actAs(db, email);
    await expectRefusedWithoutChange(() => snapshot(db), () => createRecordAction({ object: "people", values: { name: "Nobody" } }), "FORBIDDEN");
    const result = await createRecordAction({ object: "people", values: { name: "Nobody" } });
    expect(result.ok ? null : result.errors[0]).toMatchObject({ params: { object: "people", reason: "OBJECT_NOT_CREATABLE" } });

    const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
    const view = (await loadObjectView(db, (await memberPrincipal(db, member.id))!, "people"))!.view;
    expect(view.can).toMatchObject({ create: false, update: true, importCsv: false });
    expect(view.fields.every((field) => !field.creatable)).toBe(true);

    // Edit is untouched by the split.
    const person = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" }, deletedAt: null }, orderBy: { id: "asc" } });
    expect((await updateRecordAction({ object: "people", id: person.id, patch: { jobTitle: "Editor" } })).ok).toBe(true);
  });

  it("is refused over REST with 403 naming the object", async () => {
    const before = await snapshot(db);
    const { status, body } = await rest("POST", "/api/rest/people", secret, handleCreateRecord, { object: "people" }, { name: "Nobody" });
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: "FORBIDDEN", message: 'Your role cannot create records of "people".' });
    expect(await snapshot(db)).toBe(before);
  });

  it("is refused by CSV import of new rows", async () => {
    await actAs(db, email);
    const form = new FormData();
    form.set("object", "people");
    form.set("file", new File(["Name,City\nNobody,Paris\n"], "import.csv", { type: "text/csv" }));
    await expectRefusedWithoutChange(() => snapshot(db), () => importCsvAction(form), "FORBIDDEN");
  });

  it("is refused by the MCP create tool, and list_objects says it cannot create", async () => {
    const before = await snapshot(db);
    const created = await runAgentTool(db, { agentId }, "create_record", { object: "people", values: { name: "Nobody" } });
    expect(created).toMatchObject({ ok: false, error: { code: "FORBIDDEN", object: "people", reason: "OBJECT_NOT_CREATABLE" } });
    expect(await snapshot(db)).toBe(before);

    const listed = await runAgentTool(db, { agentId }, "list_objects", {});
    if (!listed.ok) throw new Error("list_objects failed");
    const people = (listed.data as { objects: { name: string; canCreate: boolean; canUpdate: boolean; fields: { name: string; creatable: boolean; editable: boolean }[] }[] }).objects.find((object) => object.name === "people")!;
    expect(people).toMatchObject({ canCreate: false, canUpdate: true });
    expect(people.fields.find((field) => field.name === "city")).toMatchObject({ creatable: false, editable: true });
  });
});
