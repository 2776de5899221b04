/**
 * The authorization matrix (issue "Enforcement everywhere"): for every seeded role, every object
 * and field, every action and every channel — server actions, REST, MCP agent tools, CSV export
 * and import — the outcome must equal the permission engine's answer. Prints how many cells it
 * checked. Beside the demo roles, one role that edits but may not create, and creates Tasks
 * without editing them (SPEC §13). Sales rep adds record-level cells: each expectation also asks
 * the engine whether the record is within the role's rule for that channel's principal (the member
 * on server actions and CSV; no member, so `Me` matches nothing, for the key and the agent).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { can, canAction, matchesRecordRule, partsOf, type EffectivePermissions, type ObjectAction } from "@/lib/permissions";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { createRecord, getRecord, listRecordObjects, type RecordObject } from "@/lib/records";
import { exportRecordsCsv } from "@/lib/csv/export";
import { runAgentTool } from "@/lib/agents";
import { createRateLimiter } from "@/lib/api/rate-limit";
import type { ApiDeps } from "@/lib/api/context";
import {
  handleCreateRecord,
  handleDestroyRecord,
  handleGetRecord,
  handleListRecords,
  handleRestoreRecord,
  handleSoftDeleteRecord,
  handleUpdateRecord,
} from "@/lib/api/records-handlers";
import {
  createRecordAction,
  destroyRecordAction,
  importCsvAction,
  listRecordsAction,
  restoreRecordAction,
  softDeleteRecordAction,
  updateRecordAction,
} from "@/app/(workspace)/objects/actions";
import { createAgent, createApiKey, createMember, createRole, type ObjectIndex, type RoleSeed } from "@/prisma/factories";
import { isDomainError } from "@/lib/errors";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };

/**
 * Roles without a demo member get one here (`seed`: a role made for the matrix). `sets`: permission
 * sets (SPEC §17) its member, key and agent also hold; `role` names the role when `name` is the row's.
 */
const ROLES: readonly { name: string; email: string; needsMember?: boolean; seed?: RoleSeed; role?: string; sets?: RoleSeed[] }[] = [
  { name: "Admin", email: "admin@acme.dev" },
  { name: "Member", email: "mia@acme.dev" },
  { name: "Guest", email: "gus@acme.dev" },
  { name: "Intern", email: "ian@acme.dev" },
  { name: "Support", email: "matrix-support@acme.dev", needsMember: true },
  { name: "Sales rep", email: "sam@acme.dev" },
  {
    name: "Editor without create",
    email: "matrix-editor@acme.dev",
    needsMember: true,
    // Also the reverse on Tasks: creates without editing, Status read-only (so not settable at creation).
    seed: {
      name: "Editor without create",
      canSeeAllObjects: true,
      canCreateAllObjects: false,
      canEditAllObjects: true,
      actionsAllAccess: true,
      objectRules: [
        { object: "note", canCreate: true },
        { object: "task", canCreate: true, canEdit: false },
      ],
      fieldRules: [{ object: "task", field: "status", canSee: true, canEdit: false }],
    },
  },
  // SPEC §17: a role plus one set (the Intern, who sees no Opportunities, gets them without Amount, and edits them).
  {
    name: "Intern + deals set",
    role: "Intern",
    email: "matrix-intern-set@acme.dev",
    needsMember: true,
    sets: [{ name: "Matrix deals", ...{ canSeeAllObjects: false }, objectRules: [{ object: "opportunity", canSee: true, canEdit: true }], fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }] }],
  },
  // A role plus two sets with overlapping record rules: own deals (role), every deal read-only without
  // Amount, and deals at the Meeting stage editable with Amount: answers differ record by record.
  {
    name: "Sales rep + two sets",
    role: "Sales rep",
    email: "matrix-sales-sets@acme.dev",
    needsMember: true,
    sets: [
      { name: "Matrix all deals", canSeeAllObjects: false, objectRules: [{ object: "opportunity", canSee: true }], fieldRules: [{ object: "opportunity", field: "amount", canSee: false, canEdit: false }] },
      {
        name: "Matrix meetings",
        canSeeAllObjects: false,
        actions: ["EXPORT_CSV"],
        objectRules: [{ object: "opportunity", canSee: true, canEdit: true, canCreate: true, recordRule: { mode: "match", join: "all", conditions: [{ field: "stage", operator: "eq", value: "MEETING" }] } }],
      },
    ],
  },
];

type Channel = "server action" | "REST" | "MCP" | "CSV export" | "CSV import";

const cells: Record<Channel, number> = { "server action": 0, REST: 0, MCP: 0, "CSV export": 0, "CSV import": 0 };
const mismatches: string[] = [];

function check(channel: Channel, cell: string, expected: boolean, actual: boolean) {
  cells[channel]++;
  if (expected !== actual) mismatches.push(`${channel} ${cell}: engine says ${expected ? "allowed" : "denied"}, got ${actual ? "allowed" : "denied"}`);
}

async function rest(method: string, key: string, handler: (deps: ApiDeps, request: Request, params: never) => Promise<Response>, path: string, params: Record<string, string>, body?: unknown) {
  const headers = new Headers({ authorization: `Bearer ${key}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const response = await handler(deps, new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), params as never);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

let admin: Principal;
let objects: RecordObject[];

/**
 * A fresh record made by the Admin, so that deleting or destroying it costs nothing; owned by the
 * role's member where the object has an Owner, so that `Owner is Me` reaches it for that member.
 */
async function freshRecord(object: RecordObject, ownerId?: string) {
  const label = object.fields.find((field) => field.isLabel)!;
  const owner = ownerId && object.fieldsByName.has("ownerId") ? { ownerId } : {};
  return (await createRecord(db, admin, object.namePlural, { [label.name]: `Matrix ${Math.random().toString(36).slice(2)}`, ...owner })).id as string;
}

beforeAll(async () => {
  const { workspace } = await loadDemo(db);
  admin = (await memberPrincipal(db, (await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } })).id))!;
  objects = await listRecordObjects(db, workspace.id);
});

afterAll(() => {
  const total = Object.values(cells).reduce((sum, count) => sum + count, 0);
  console.log(`authorization matrix: ${total} cells checked (${Object.entries(cells).map(([channel, count]) => `${channel} ${count}`).join(", ")}), ${mismatches.length} mismatches`);
});

describe.each(ROLES)("role $name", ({ name, email }) => {
  let perms: EffectivePermissions;
  let key: string;
  let agentId: string | null;
  let memberId: string;
  /** Does the role's record-level rule reach `record` for the member (true) or for a key/agent (false)? */
  const reaches = (object: RecordObject, record: Record<string, unknown>, asMember: boolean) =>
    matchesRecordRule(perms.objects[object.nameSingular]?.records.rule, record, { memberId: asMember ? memberId : null });
  /**
   * With sets, asked of each grant alone (the union's own code is under test): does a grant that
   * reaches `record` allow `action` (on `field`)? One grant: the role's answer and its rule.
   */
  const allowedOn = (action: ObjectAction, object: RecordObject, record: Record<string, unknown>, asMember: boolean, field?: string) =>
    partsOf(perms).some(
      (grant) =>
        can(grant, "see", object.nameSingular) &&
        can(grant, action, object.nameSingular, field) &&
        matchesRecordRule(grant.objects[object.nameSingular]?.records.rule, record, { memberId: asMember ? memberId : null }),
    );

  beforeAll(async () => {
    const { workspace } = await loadDemo(db);
    const spec = ROLES.find((role) => role.name === name)!;
    // Objects by id are not needed: the factory only resolves rule names through this index.
    const index: ObjectIndex = Object.fromEntries(
      (await db.objectMetadata.findMany({ where: { workspaceId: workspace.id }, include: { fields: true } })).map((object) => [
        object.nameSingular,
        { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) },
      ]),
    );
    if (spec.seed) await createRole(db, workspace.id, index, spec.seed);
    const roleId = (await loadDemo(db)).roleId;
    const role = spec.role ?? name;
    if (spec.needsMember) await createMember(db, { workspaceId: workspace.id, roleId: roleId(role), email, name: `Matrix ${name}` });
    memberId = (await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, user: { email } } })).id;
    key = `matrix-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-key`;
    const apiKey = await createApiKey(db, { workspaceId: workspace.id, name: `Matrix ${name}`, secret: key, roleId: roleId(role) });
    // Admin is never assignable to an agent: that channel has no Admin column.
    agentId = name === "Admin" ? null : (await createAgent(db, { workspaceId: workspace.id, name: `Matrix ${name} agent`, roleId: roleId(role) })).id;
    // The member, the key and the agent hold the same sets, so one union is every channel's expectation.
    for (const seed of spec.sets ?? []) {
      const set = await createRole(db, workspace.id, index, seed, "set");
      const holders = [{ kind: "member", id: memberId }, { kind: "apiKey", id: apiKey.id }, ...(agentId ? [{ kind: "agent", id: agentId }] : [])];
      for (const holder of holders) await db.permissionSetAssignment.create({ data: { workspaceId: workspace.id, setId: set.id, principalKind: holder.kind, principalId: holder.id } });
    }
    perms = spec.sets ? (await memberPrincipal(db, memberId))!.permissions : await loadRolePermissions(db, workspace.id, roleId(role));
    if (spec.sets) expect(perms.grants?.length).toBe(1 + spec.sets.length);
  });

  it("reads: objects and fields are visible exactly as the engine says, on every channel", async () => {
    await actAs(db, email);
    const principal = (await memberPrincipal(db, (await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } })).id))!;
    for (const object of objects) {
      const canSee = can(perms, "see", object.nameSingular);
      const sampleRow = await db.record.findFirstOrThrow({ where: { objectMetadataId: object.id, deletedAt: null }, orderBy: { createdAt: "asc" } });
      const sample = sampleRow.id;
      const sampleData = JSON.parse(sampleRow.data) as Record<string, unknown>;
      // A key or an agent reaches the sample only within the rule as it holds without a member.
      const machineSees = allowedOn("see", object, sampleData, false);

      const viaAction = await listRecordsAction({ object: object.namePlural, limit: 3 });
      check("server action", `${name} see ${object.nameSingular}`, canSee, viaAction.ok);
      const viaRest = await rest("GET", key, handleGetRecord, `/api/rest/${object.namePlural}/${sample}`, { object: object.namePlural, id: sample });
      check("REST", `${name} see ${object.nameSingular}`, machineSees, viaRest.status === 200);
      const list = await rest("GET", key, handleListRecords, `/api/rest/${object.namePlural}?limit=3`, { object: object.namePlural });
      check("REST", `${name} list ${object.nameSingular}`, canSee, list.status === 200);
      const viaAgent = agentId ? await runAgentTool(db, { agentId }, "get_record", { object: object.namePlural, id: sample }) : null;
      if (viaAgent) check("MCP", `${name} see ${object.nameSingular}`, machineSees, viaAgent.ok);
      let csv: string | null = null;
      try {
        csv = (await exportRecordsCsv(db, principal, object.namePlural)).csv;
      } catch (error) {
        if (!isDomainError(error)) throw error;
      }
      check("CSV export", `${name} export ${object.nameSingular}`, canSee && canAction(perms, "EXPORT_CSV"), csv !== null);

      if (!canSee) continue;
      const header = csv?.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
      const actionRecord = viaAction.ok ? viaAction.data.records[0] : {};
      const agentRecord = viaAgent?.ok ? (viaAgent.data as { data: Record<string, unknown> }).data : {};
      // With several grants a field may show on one record and not another: each answer is about its record.
      const listedRow = actionRecord && "id" in actionRecord ? await db.record.findUnique({ where: { id: String(actionRecord.id) } }) : null;
      const listedData = listedRow ? (JSON.parse(listedRow.data) as Record<string, unknown>) : {};
      for (const field of object.fields) {
        const visible = can(perms, "see", object.nameSingular, field.name);
        const cell = `${name} see ${object.nameSingular}.${field.name}`;
        if (listedRow) check("server action", cell, allowedOn("see", object, listedData, true, field.name), field.name in actionRecord);
        if (machineSees) check("REST", cell, allowedOn("see", object, sampleData, false, field.name), field.name in viaRest.body.data);
        if (viaAgent && machineSees) check("MCP", cell, allowedOn("see", object, sampleData, false, field.name), field.name in agentRecord);
        if (csv !== null) check("CSV export", cell, visible, header.split(",").map((column) => column.replace(/^"|"$/g, "")).includes(field.label));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("writes: each field can be changed exactly where the engine allows it", async () => {
    await actAs(db, email);
    for (const object of objects) {
      const id = await freshRecord(object, memberId);
      const current = await getRecord(db, admin, object.namePlural, id);
      const stored = JSON.parse((await db.record.findUniqueOrThrow({ where: { id } })).data) as Record<string, unknown>;
      for (const field of object.fields) {
        if (field.isSystem) continue;
        // Writing a field's own value back: allowed or refused, the data stays the same.
        const value = current[field.name] ?? null;
        if (value === null) continue;
        const allowed = (asMember: boolean) => allowedOn("edit", object, stored, asMember, field.name);
        const cell = `${name} edit ${object.nameSingular}.${field.name}`;
        const patch = { [field.name]: value };
        check("server action", cell, allowed(true), (await updateRecordAction({ object: object.namePlural, id, patch })).ok);
        check("REST", cell, allowed(false), (await rest("PATCH", key, handleUpdateRecord, `/api/rest/${object.namePlural}/${id}`, { object: object.namePlural, id }, patch)).status === 200);
        if (agentId) check("MCP", cell, allowed(false), (await runAgentTool(db, { agentId }, "update_record", { object: object.namePlural, id, values: patch })).ok);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("create: a record, and each field given at creation, exactly where the engine allows it", async () => {
    await actAs(db, email);
    const form = (object: string, text: string) => {
      const data = new FormData();
      data.set("object", object);
      data.set("file", new File([text], "import.csv", { type: "text/csv" }));
      return data;
    };
    for (const object of objects) {
      const plural = object.namePlural;
      const label = object.fields.find((field) => field.isLabel)!;
      const canCreate = can(perms, "create", object.nameSingular);
      const values = (): Record<string, unknown> => ({ [label.name]: `Matrix new ${Math.random().toString(36).slice(2)}` });
      const cell = `${name} create ${object.nameSingular}`;
      // A created record must fall within the rule (SPEC §13): without an Owner, `Owner is Me` refuses it.
      const createsAs = (record: Record<string, unknown>, asMember: boolean) => canCreate && allowedOn("create", object, record, asMember);
      check("server action", cell, createsAs(values(), true), (await createRecordAction({ object: plural, values: values() })).ok);
      check("REST", cell, createsAs(values(), false), (await rest("POST", key, handleCreateRecord, `/api/rest/${plural}`, { object: plural }, values())).status === 201);
      if (agentId) check("MCP", cell, createsAs(values(), false), (await runAgentTool(db, { agentId }, "create_record", { object: plural, values: values() })).ok);
      const imported = await importCsvAction(form(plural, `${label.label}\n${values()[label.name]}\n`));
      check("CSV import", cell, createsAs(values(), true) && canAction(perms, "IMPORT_CSV"), imported.ok);

      if (!can(perms, "see", object.nameSingular)) continue;
      // Each field given at creation, with the value a seeded record holds (so it is valid).
      const seeded = await db.record.findFirstOrThrow({ where: { objectMetadataId: object.id, deletedAt: null }, orderBy: { createdAt: "asc" } });
      const sample = await getRecord(db, admin, plural, seeded.id);
      for (const field of object.fields) {
        if (field.isSystem || field.isLabel || (sample[field.name] ?? null) === null) continue;
        const expected = can(perms, "create", object.nameSingular, field.name);
        const fieldCell = `${name} create ${object.nameSingular}.${field.name}`;
        const withField = () => ({ ...values(), [field.name]: sample[field.name] });
        const within = (asMember: boolean) => expected && allowedOn("create", object, withField(), asMember, field.name);
        check("server action", fieldCell, within(true), (await createRecordAction({ object: plural, values: withField() })).ok);
        check("REST", fieldCell, within(false), (await rest("POST", key, handleCreateRecord, `/api/rest/${plural}`, { object: plural }, withField())).status === 201);
        if (agentId) check("MCP", fieldCell, within(false), (await runAgentTool(db, { agentId }, "create_record", { object: plural, values: withField() })).ok);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("delete, restore and destroy follow the engine on every channel that offers them", async () => {
    await actAs(db, email);
    const outcome = async (action: ObjectAction, object: RecordObject, run: (id: string) => Promise<boolean>, trashed = false) => {
      const id = await freshRecord(object, memberId);
      if (trashed) await db.record.update({ where: { id }, data: { deletedAt: new Date() } });
      return run(id);
    };
    for (const object of objects) {
      const plural = object.namePlural;
      const canDelete = can(perms, "delete", object.nameSingular);
      const canDestroy = can(perms, "destroy", object.nameSingular);
      const params = (id: string) => ({ object: plural, id });

      check("server action", `${name} delete ${object.nameSingular}`, canDelete, await outcome("delete", object, async (id) => (await softDeleteRecordAction({ object: plural, id })).ok));
      check("REST", `${name} delete ${object.nameSingular}`, canDelete, await outcome("delete", object, async (id) => (await rest("DELETE", key, handleSoftDeleteRecord, `/api/rest/${plural}/${id}`, params(id))).status === 200));
      if (agentId) check("MCP", `${name} delete ${object.nameSingular}`, canDelete, await outcome("delete", object, async (id) => (await runAgentTool(db, { agentId: agentId! }, "delete_record", { object: plural, id })).ok));

      check("server action", `${name} restore ${object.nameSingular}`, canDelete, await outcome("delete", object, async (id) => (await restoreRecordAction({ object: plural, id })).ok, true));
      check("REST", `${name} restore ${object.nameSingular}`, canDelete, await outcome("delete", object, async (id) => (await rest("POST", key, handleRestoreRecord, `/api/rest/${plural}/${id}/restore`, params(id))).status === 200, true));

      check("server action", `${name} destroy ${object.nameSingular}`, canDestroy, await outcome("destroy", object, async (id) => (await destroyRecordAction({ object: plural, id })).ok));
      check("REST", `${name} destroy ${object.nameSingular}`, canDestroy, await outcome("destroy", object, async (id) => (await rest("DELETE", key, handleDestroyRecord, `/api/rest/${plural}/${id}/destroy`, params(id))).status === 200));
    }
    expect(mismatches).toEqual([]);
  });
});
