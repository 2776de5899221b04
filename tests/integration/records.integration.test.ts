/**
 * The records domain against a real SQLite copy of the demo workspace: the Intern scenario of
 * SPEC §2.2–2.3, pagination, every filter operator, trash rules, validation and the audit log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeyPrincipal, memberPrincipal, type Principal } from "@/lib/access/principal";
import {
  createRecord,
  destroyRecord,
  getRecord,
  listRecords,
  listTrash,
  restoreRecord,
  softDeleteRecord,
  updateRecord,
  type ListRecordsOptions,
  type RecordFilter,
  type VisibleRecord,
} from "@/lib/records";
import { createApiKey, createObject, createRole, createStandardObjects, createWorkspace, type ObjectIndex } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";

const db = useDemoDatabase();

let intern: Principal;
let admin: Principal;
let member: Principal;

async function keyPrincipal(secret: string) {
  const result = await apiKeyPrincipal(db, secret);
  if (!result.ok) throw new Error(`Demo key ${secret} refused: ${result.reason}`);
  return result.principal;
}

async function objectIndex(workspaceId: string): Promise<ObjectIndex> {
  const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
  return Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((f) => [f.name, f.id])) }]));
}

/** Every record of a list, following cursors page by page. */
async function listAll(principal: Principal, object: string, options: ListRecordsOptions, pageSize: number) {
  const records: VisibleRecord[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1_000; pages++) {
    const page = await listRecords(db, principal, object, { ...options, limit: pageSize, cursor });
    records.push(...page.records);
    if (!page.pageInfo.hasNextPage) return records;
    cursor = page.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}

function rejectsWith(promise: Promise<unknown>, code: string, details: Record<string, unknown> = {}) {
  return expect(promise).rejects.toMatchObject({ code, ...(Object.keys(details).length ? { details: expect.objectContaining(details) } : {}) });
}

/** Admin's view of every live person, the reference the lists are compared with. */
async function allPeople() {
  return listAll(admin, "people", {}, 200);
}

beforeAll(async () => {
  const { workspace } = await loadDemo(db);
  intern = await keyPrincipal("demo-intern-key");
  member = await keyPrincipal("demo-default-key");
  const adminMember = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, user: { email: "admin@acme.dev" } } });
  admin = (await memberPrincipal(db, adminMember.id))!;
});

describe("reading as the Intern", () => {
  it("lists People without Address: the key is absent, never null", async () => {
    const page = await listRecords(db, intern, "people", { limit: 5 });
    expect(page.records).toHaveLength(5);
    for (const record of page.records) {
      expect(Object.keys(record).sort()).toEqual(["city", "companyId", "createdAt", "deletedAt", "email", "id", "jobTitle", "name", "ownerId", "phone", "updatedAt"]);
      expect(record).not.toHaveProperty("address");
    }
    const one = await getRecord(db, intern, "person", page.records[0].id as string);
    expect(one).not.toHaveProperty("address");
    expect(one.email).toEqual(expect.stringContaining("@"));
  });

  it("cannot see Opportunities at all, by REST or engine name, and an unknown object answers the same", async () => {
    await rejectsWith(listRecords(db, intern, "opportunities"), "FORBIDDEN", { params: { object: "opportunities", reason: "OBJECT_NOT_VISIBLE" } });
    await rejectsWith(listRecords(db, intern, "opportunity"), "FORBIDDEN", { params: { object: "opportunities", reason: "OBJECT_NOT_VISIBLE" } });
    const opportunity = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "opportunity" } } });
    await rejectsWith(getRecord(db, intern, "opportunities", opportunity.id), "FORBIDDEN");
    await rejectsWith(listRecords(db, intern, "unicorns"), "FORBIDDEN", { params: { object: "unicorns", reason: "OBJECT_NOT_VISIBLE" } });
  });

  it("refuses to filter, sort or search on Address, and never matches it in a search", async () => {
    await rejectsWith(listRecords(db, intern, "people", { filter: [{ field: "address", op: "like", value: "Rue" }] }), "FORBIDDEN", {
      field: "address",
    });
    await rejectsWith(listRecords(db, intern, "people", { orderBy: { field: "address", direction: "asc" } }), "FORBIDDEN", { field: "address" });
    // Street names only appear in addresses: the Admin finds them, the Intern must not.
    const adminHits = await listRecords(db, admin, "people", { search: "rivoli", limit: 200 });
    expect(adminHits.records.length).toBeGreaterThan(0);
    const internHits = await listRecords(db, intern, "people", { search: "rivoli", limit: 200 });
    expect(internHits.records).toEqual([]);
  });

  it("refuses unknown fields and operands of the wrong type with the field named", async () => {
    await rejectsWith(listRecords(db, intern, "people", { filter: [{ field: "salary", op: "eq", value: "1" }] }), "UNKNOWN_FIELD", { field: "salary" });
    await rejectsWith(listRecords(db, intern, "people", { orderBy: { field: "salary", direction: "asc" } }), "UNKNOWN_FIELD");
    await rejectsWith(listRecords(db, intern, "companies", { filter: [{ field: "employees", op: "gt", value: "many" }] }), "VALIDATION_FAILED", {
      field: "employees",
    });
    await rejectsWith(listRecords(db, intern, "companies", { filter: [{ field: "employees", op: "like", value: "1" }] }), "VALIDATION_FAILED");
    await rejectsWith(listRecords(db, intern, "people", { filter: [{ field: "city", op: "is", value: "maybe" }] }), "VALIDATION_FAILED");
    await rejectsWith(listRecords(db, intern, "people", { limit: 0 }), "VALIDATION_FAILED", { field: "limit" });
    await rejectsWith(listRecords(db, intern, "people", { limit: 201 }), "VALIDATION_FAILED", { field: "limit" });
  });
});

describe("pagination", () => {
  it("walks every record exactly once in creation order by default", async () => {
    const walked = await listAll(admin, "people", {}, 37);
    const expected = await db.record.findMany({
      where: { object: { nameSingular: "person" }, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(walked.map((record) => record.id)).toEqual(expected.map((record) => record.id));
  });

  it("keeps a total order on a field with duplicates and empty values, in both directions", async () => {
    // Some people without a city: empty values sort first ascending, last descending.
    for (const name of ["Nobody One", "Nobody Two", "Nobody Three"]) await createRecord(db, admin, "people", { name });
    const everyone = await allPeople();
    const byCityThenId = (a: VisibleRecord, b: VisibleRecord) => {
      const [ca, cb] = [a.city as string | null, b.city as string | null];
      if (ca !== cb) return ca === null ? -1 : cb === null ? 1 : ca < cb ? -1 : 1;
      return (a.id as string) < (b.id as string) ? -1 : 1;
    };
    const ascending = [...everyone].sort(byCityThenId).map((record) => record.id);
    for (const size of [1, 7, 50, 200]) {
      const asc = await listAll(admin, "people", { orderBy: { field: "city", direction: "asc" } }, size);
      expect(asc.map((record) => record.id)).toEqual(ascending);
    }
    const desc = await listAll(admin, "people", { orderBy: { field: "city", direction: "desc" } }, 13);
    expect(desc.map((record) => record.id)).toEqual([...ascending].reverse());
  });

  it("orders numbers as numbers", async () => {
    const companies = await listAll(admin, "companies", { orderBy: { field: "employees", direction: "desc" } }, 9);
    const employees = companies.map((company) => company.employees as number);
    expect(employees).toEqual([...employees].sort((a, b) => b - a));
    expect(new Set(companies.map((company) => company.id)).size).toBe(60);
  });

  it("answers an empty last page with a null cursor and refuses a cursor of another sort", async () => {
    const empty = await listRecords(db, admin, "people", { filter: [{ field: "city", op: "eq", value: "Atlantis" }] });
    expect(empty).toEqual({ records: [], pageInfo: { endCursor: null, hasNextPage: false } });
    const first = await listRecords(db, admin, "people", { orderBy: { field: "city", direction: "asc" }, limit: 2 });
    await rejectsWith(listRecords(db, admin, "people", { orderBy: { field: "name", direction: "asc" }, cursor: first.pageInfo.endCursor }), "VALIDATION_FAILED", {
      field: "cursor",
    });
    await rejectsWith(listRecords(db, admin, "people", { cursor: "not-a-cursor" }), "VALIDATION_FAILED", { field: "cursor" });
  });
});

describe("filters", () => {
  const cases: [string, string, RecordFilter[], (record: VisibleRecord) => boolean][] = [
    ["eq", "people", [{ field: "city", op: "eq", value: "Paris" }], (r) => r.city === "Paris"],
    ["neq keeps empty values", "people", [{ field: "city", op: "neq", value: "Paris" }], (r) => r.city !== "Paris"],
    ["like is case-insensitive contains", "people", [{ field: "name", op: "like", value: "ALI" }], (r) => (r.name as string).toLowerCase().includes("ali")],
    ["like takes % and _ literally", "people", [{ field: "name", op: "like", value: "%_" }], () => false],
    ["in", "people", [{ field: "city", op: "in", value: "Paris|Tokyo" }], (r) => r.city === "Paris" || r.city === "Tokyo"],
    ["is NULL", "people", [{ field: "city", op: "is", value: "NULL" }], (r) => r.city === null],
    ["is NOT_NULL", "people", [{ field: "city", op: "is", value: "NOT_NULL" }], (r) => r.city !== null],
    ["gt on numbers", "companies", [{ field: "employees", op: "gt", value: "2500" }], (r) => (r.employees as number) > 2500],
    ["gte", "companies", [{ field: "employees", op: "gte", value: "2500" }], (r) => (r.employees as number) >= 2500],
    ["lt", "companies", [{ field: "employees", op: "lt", value: "500" }], (r) => (r.employees as number) < 500],
    ["lte", "companies", [{ field: "employees", op: "lte", value: "500" }], (r) => (r.employees as number) <= 500],
    ["dates", "opportunities", [{ field: "closeDate", op: "gte", value: "2027-06-01" }], (r) => (r.closeDate as string) >= "2027-06-01"],
    ["currency", "opportunities", [{ field: "amount", op: "lt", value: "50000" }], (r) => (r.amount as number) < 50000],
    ["select in", "opportunities", [{ field: "stage", op: "in", value: "NEW|CUSTOMER" }], (r) => r.stage === "NEW" || r.stage === "CUSTOMER"],
    ["relation eq", "people", [{ field: "companyId", op: "eq", value: "demo-company-007" }], (r) => r.companyId === "demo-company-007"],
    ["system column", "people", [{ field: "createdAt", op: "gte", value: "2026-01-10" }], (r) => (r.createdAt as string) >= "2026-01-10T00:00:00.000Z"],
    [
      "several conditions all hold",
      "people",
      [
        { field: "city", op: "eq", value: "Paris" },
        { field: "jobTitle", op: "eq", value: "Product Manager" },
      ],
      (r) => r.city === "Paris" && r.jobTitle === "Product Manager",
    ],
  ];

  it.each(cases)("%s", async (_name, object, filter, predicate) => {
    const all = await listAll(admin, object, {}, 200);
    const expected = all.filter(predicate).map((record) => record.id);
    const filtered = await listAll(admin, object, { filter }, 25);
    expect(filtered.map((record) => record.id)).toEqual(expected);
    if (_name !== "like takes % and _ literally" && _name !== "is NULL") expect(expected.length).toBeGreaterThan(0);
  });

  it("searches every visible text field, case-insensitively", async () => {
    const hits = await listAll(admin, "people", { search: "HEAD OF" }, 50);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(JSON.stringify(hit).toLowerCase()).toContain("head of");
  });

  it("finds exactly the records whose text fields contain the term: quotes, backslashes, accents, words that are also keys", async () => {
    for (const name of ['Quinn "Q" Quote', "Bea Back\\slash", "Zoë Ünal", "Nameless Person"]) await createRecord(db, admin, "people", { name, jobTitle: "Tester" });
    const everyone = await listAll(admin, "people", {}, 200);
    const textFields = ["name", "email", "phone", "jobTitle", "city", "address"];
    for (const term of ['"q"', "k\\sl", "ZOË", "ünal", "name", "e", "city", "Tester"]) {
      const expected = everyone
        .filter((person) => textFields.some((field) => typeof person[field] === "string" && (person[field] as string).toLowerCase().includes(term.toLowerCase())))
        .map((person) => person.id)
        .sort();
      const found = (await listAll(admin, "people", { search: term }, 200)).map((person) => person.id).sort();
      expect({ term, found }).toEqual({ term, found: expected });
    }
  });
});

describe("writing as the Intern", () => {
  it("creates and edits People, audited as the key with Address kept out of the log", async () => {
    const created = await createRecord(db, intern, "people", { name: "Iris Intern", city: "Lyon", jobTitle: "Engineer", companyId: "demo-company-001" });
    expect(created).toMatchObject({ name: "Iris Intern", city: "Lyon", email: null, deletedAt: null });
    expect(created).not.toHaveProperty("address");

    const updated = await updateRecord(db, intern, "people", created.id as string, { jobTitle: "CTO", city: null });
    expect(updated).toMatchObject({ jobTitle: "CTO", city: null });

    const entries = await db.auditLog.findMany({ where: { targetId: created.id as string }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorType, entry.actorId, entry.actorLabel])).toEqual([
      ["record.created", "apiKey", intern.id, "Intern integration"],
      ["record.updated", "apiKey", intern.id, "Intern integration"],
    ]);
    expect(entries[1].targetType).toBe("person");
    expect(entries[1].targetLabel).toBe("Iris Intern");
    expect(JSON.parse(entries[1].before!)).toMatchObject({ jobTitle: "Engineer", city: "Lyon" });
    expect(JSON.parse(entries[1].after!)).toMatchObject({ jobTitle: "CTO", city: null });
    for (const entry of entries) expect(entry.after).not.toContain("address");
  });

  it("refuses Email (read-only) and Address (hidden) by name, and changes nothing", async () => {
    const person = (await listRecords(db, intern, "people", { limit: 1 })).records[0];
    const before = await db.record.findUniqueOrThrow({ where: { id: person.id as string } });
    const auditCount = await db.auditLog.count();

    await rejectsWith(updateRecord(db, intern, "people", person.id as string, { jobTitle: "CEO", email: "x@y.z" }), "FORBIDDEN", {
      field: "email",
      params: expect.objectContaining({ reason: "FIELD_READ_ONLY" }),
    });
    await rejectsWith(updateRecord(db, intern, "people", person.id as string, { address: "1 Main Street" }), "FORBIDDEN", {
      field: "address",
      params: expect.objectContaining({ reason: "FIELD_NOT_VISIBLE" }),
    });
    await rejectsWith(createRecord(db, intern, "people", { name: "X", address: "1 Main Street" }), "FORBIDDEN", { field: "address" });
    await rejectsWith(updateRecord(db, intern, "people", person.id as string, { id: "other" }), "FORBIDDEN", { field: "id" });
    await rejectsWith(updateRecord(db, intern, "people", person.id as string, { nickname: "Al" }), "UNKNOWN_FIELD", { field: "nickname" });

    expect(await db.record.findUniqueOrThrow({ where: { id: person.id as string } })).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it("reads Companies but cannot write them, and cannot write Opportunities", async () => {
    await rejectsWith(createRecord(db, intern, "companies", { name: "Intern Co" }), "FORBIDDEN", {
      params: expect.objectContaining({ object: "companies", reason: "OBJECT_NOT_CREATABLE" }),
    });
    await rejectsWith(updateRecord(db, intern, "companies", "demo-company-001", { domain: "x.com" }), "FORBIDDEN");
    await rejectsWith(createRecord(db, intern, "opportunities", { name: "Deal" }), "FORBIDDEN", {
      params: expect.objectContaining({ reason: "OBJECT_NOT_VISIBLE" }),
    });
  });

  it("may not delete, restore or destroy", async () => {
    const person = (await listRecords(db, intern, "people", { limit: 1 })).records[0];
    await rejectsWith(softDeleteRecord(db, intern, "people", person.id as string), "FORBIDDEN", { params: expect.objectContaining({ reason: "OBJECT_NOT_DELETABLE" }) });
    await rejectsWith(restoreRecord(db, intern, "people", person.id as string), "FORBIDDEN");
    await rejectsWith(destroyRecord(db, intern, "people", person.id as string), "FORBIDDEN", { params: expect.objectContaining({ reason: "OBJECT_NOT_DESTROYABLE" }) });
    // Permission comes before existence: no probing of ids.
    await rejectsWith(softDeleteRecord(db, intern, "people", "no-such-id"), "FORBIDDEN");
  });
});

describe("value validation", () => {
  const invalid: [string, string, Record<string, unknown>, string][] = [
    ["an e-mail that is not one", "people", { name: "A", email: "not-an-email" }, "email"],
    ["text that is a number", "people", { name: "A", city: 42 }, "city"],
    ["text beyond the maximum length", "people", { name: "A", jobTitle: "x".repeat(2_001) }, "jobTitle"],
    ["a phone with letters", "people", { name: "A", phone: "call me" }, "phone"],
    ["a missing name", "people", { city: "Paris" }, "name"],
    ["a blank name", "people", { name: "   " }, "name"],
    ["a number given as text", "companies", { name: "A", employees: "12" }, "employees"],
    ["an impossible date", "opportunities", { name: "A", closeDate: "2027-02-30" }, "closeDate"],
    ["a date in another format", "opportunities", { name: "A", closeDate: "30/01/2027" }, "closeDate"],
    ["a stage that is not an option", "opportunities", { name: "A", stage: "WON" }, "stage"],
    ["a relation to a missing record", "people", { name: "A", companyId: "demo-company-999" }, "companyId"],
    ["a relation to a record of another object", "opportunities", { name: "A", companyId: "PERSON_ID" }, "companyId"],
  ];

  it.each(invalid)("refuses %s with a 422 naming the field, writing nothing", async (_name, object, input, field) => {
    const person = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" } } });
    const values = JSON.parse(JSON.stringify(input).replace("PERSON_ID", person.id));
    const [records, audits] = [await db.record.count(), await db.auditLog.count()];
    await rejectsWith(createRecord(db, admin, object, values), "VALIDATION_FAILED", { field });
    expect([await db.record.count(), await db.auditLog.count()]).toEqual([records, audits]);
  });

  it("refuses a body that is not an object, and null on the name", async () => {
    await rejectsWith(createRecord(db, admin, "people", [{ name: "A" }]), "VALIDATION_FAILED");
    await rejectsWith(createRecord(db, admin, "people", null), "VALIDATION_FAILED");
    await rejectsWith(updateRecord(db, admin, "people", "demo-company-001", { name: null }), "VALIDATION_FAILED", { field: "name" });
  });

  it("accepts each type's valid values and clears a field with null", async () => {
    const deal = await createRecord(db, admin, "opportunities", { name: "Big deal", amount: 12_500.5, stage: "PROPOSAL", closeDate: "2028-02-29", companyId: "demo-company-002" });
    expect(deal).toMatchObject({ amount: 12_500.5, stage: "PROPOSAL", closeDate: "2028-02-29", companyId: "demo-company-002" });
    const cleared = await updateRecord(db, admin, "opportunities", deal.id as string, { stage: null, amount: 0 });
    expect(cleared).toMatchObject({ stage: null, amount: 0, closeDate: "2028-02-29" });
  });

  it("does not link to records of an object the role cannot see", async () => {
    const { workspace } = await loadDemo(db);
    const role = await createRole(db, workspace.id, await objectIndex(workspace.id), {
      name: "No companies",
      canSeeAllObjects: true,
      objectRules: [
        { object: "company", canSee: false },
        { object: "person", canEdit: true },
      ],
    });
    await createApiKey(db, { workspaceId: workspace.id, name: "No companies key", secret: "test-no-companies", roleId: role.id });
    const blind = await keyPrincipal("test-no-companies");
    const person = (await listRecords(db, blind, "people", { limit: 1 })).records[0];
    await rejectsWith(updateRecord(db, blind, "people", person.id as string, { companyId: "demo-company-001" }), "FORBIDDEN", {
      field: "companyId",
      params: expect.objectContaining({ reason: "RELATION_TARGET_NOT_VISIBLE" }),
    });
  });
});

describe("trash", () => {
  it("soft deletes (Member), hides from lists, shows in the trash, restores, and refuses the wrong state", async () => {
    const task = await createRecord(db, member, "tasks", { title: "Trash me", status: "TODO" });
    const id = task.id as string;

    const trashed = await softDeleteRecord(db, member, "tasks", id);
    expect(trashed.deletedAt).toEqual(expect.any(String));
    expect((await listAll(member, "tasks", {}, 200)).map((record) => record.id)).not.toContain(id);
    expect((await listAll(member, "tasks", { includeDeleted: true }, 200)).map((record) => record.id)).toContain(id);
    expect((await listTrash(db, member, "tasks")).records.map((record) => record.id)).toEqual([id]);
    expect((await getRecord(db, member, "tasks", id)).deletedAt).toEqual(trashed.deletedAt);

    await rejectsWith(softDeleteRecord(db, member, "tasks", id), "RECORD_IN_TRASH");
    await rejectsWith(updateRecord(db, member, "tasks", id, { title: "Edited" }), "RECORD_IN_TRASH");

    const restored = await restoreRecord(db, member, "tasks", id);
    expect(restored.deletedAt).toBeNull();
    await rejectsWith(restoreRecord(db, member, "tasks", id), "RECORD_NOT_IN_TRASH");

    const actions = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" }, select: { action: true, actorType: true } });
    expect(actions).toEqual([
      { action: "record.created", actorType: "apiKey" },
      { action: "record.deleted", actorType: "apiKey" },
      { action: "record.restored", actorType: "apiKey" },
    ]);
  });

  it("destroys only with destroy permission, live or trashed, and the record is gone", async () => {
    const live = await createRecord(db, member, "notes", { title: "Destroy me live" });
    const trashed = await createRecord(db, member, "notes", { title: "Destroy me trashed" });
    await softDeleteRecord(db, member, "notes", trashed.id as string);

    await rejectsWith(destroyRecord(db, member, "notes", live.id as string), "FORBIDDEN", { params: expect.objectContaining({ reason: "OBJECT_NOT_DESTROYABLE" }) });

    for (const note of [live, trashed]) {
      const last = await destroyRecord(db, admin, "notes", note.id as string);
      expect(last.id).toBe(note.id);
      expect(await db.record.findUnique({ where: { id: note.id as string } })).toBeNull();
      await rejectsWith(getRecord(db, admin, "notes", note.id as string), "NOT_FOUND");
      const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: note.id as string, action: "record.destroyed" } });
      expect(entry).toMatchObject({ actorType: "member", actorId: admin.id });
    }
  });
});

describe("scoping and custom objects", () => {
  it("never reaches records of another workspace", async () => {
    const other = await createWorkspace(db, { name: "Other" });
    const objects = await createStandardObjects(db, other.id);
    const foreign = await db.record.create({ data: { workspaceId: other.id, objectMetadataId: objects.person.id, data: JSON.stringify({ name: "Foreign" }) } });
    await rejectsWith(getRecord(db, admin, "people", foreign.id), "NOT_FOUND");
    await rejectsWith(updateRecord(db, admin, "people", foreign.id, { city: "Paris" }), "NOT_FOUND");
    await rejectsWith(destroyRecord(db, admin, "people", foreign.id), "NOT_FOUND");
    expect((await listAll(admin, "people", { search: "Foreign" }, 200)).length).toBe(0);
  });

  it("serves a custom object like a standard one", async () => {
    const { workspace } = await loadDemo(db);
    await createObject(
      db,
      workspace.id,
      {
        nameSingular: "project",
        namePlural: "projects",
        labelSingular: "Project",
        labelPlural: "Projects",
        icon: "folder",
        fields: [
          { name: "name", label: "Name", type: "TEXT", isLabel: true },
          { name: "budget", label: "Budget", type: "NUMBER" },
          { name: "active", label: "Active", type: "BOOLEAN" },
          { name: "kickoff", label: "Kick-off", type: "DATE_TIME" },
        ],
      },
      10,
      true,
    );
    await db.workspace.update({ where: { id: workspace.id }, data: { metadataVersion: { increment: 1 } } });
    const customAdmin = (await memberPrincipal(db, admin.id))!;

    const apollo = await createRecord(db, customAdmin, "projects", { name: "Apollo", budget: 10, active: true, kickoff: "2027-01-01T10:00:00+02:00" });
    await createRecord(db, customAdmin, "projects", { name: "Gemini", budget: 20, active: false });
    expect(apollo).toMatchObject({ name: "Apollo", active: true, kickoff: "2027-01-01T08:00:00.000Z" });

    const active = await listRecords(db, customAdmin, "projects", { filter: [{ field: "active", op: "eq", value: "true" }] });
    expect(active.records.map((record) => record.name)).toEqual(["Apollo"]);
    const later = await listRecords(db, customAdmin, "project", { filter: [{ field: "kickoff", op: "gt", value: "2027-01-01T07:00:00Z" }] });
    expect(later.records.map((record) => record.name)).toEqual(["Apollo"]);
    const byBudget = await listRecords(db, customAdmin, "projects", { orderBy: { field: "budget", direction: "desc" } });
    expect(byBudget.records.map((record) => record.name)).toEqual(["Gemini", "Apollo"]);
    // The Intern's baseline sees every object, custom ones included, read-only.
    const internNow = await keyPrincipal("demo-intern-key");
    expect((await listRecords(db, internNow, "projects")).records).toHaveLength(2);
    await rejectsWith(createRecord(db, internNow, "projects", { name: "Mine" }), "FORBIDDEN");
  });
});
