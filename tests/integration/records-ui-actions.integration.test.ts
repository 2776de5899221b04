/**
 * The records UI's server actions, called directly as the signed-in Intern, Member, Guest and
 * Admin of the demo workspace (SPEC §10): bad input, missing permission, valid calls. A refused
 * call must leave the database exactly as it was.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { expectRecordsRefused, type ExpectedError, type RecordsOutcome } from "./refusal";
import { useDemoDatabase } from "./db";
import {
  createRecordAction,
  destroyRecordAction,
  listRecordsAction,
  relationOptionsAction,
  restoreRecordAction,
  softDeleteRecordAction,
  updateRecordAction,
} from "@/app/(workspace)/objects/actions";
import { loadObjectView, visibleObjects } from "@/lib/records/object-view";
import { memberPrincipal } from "@/lib/access/principal";

const db = useDemoDatabase();

const expectRefused = (call: () => Promise<RecordsOutcome>, expected: ExpectedError) => expectRecordsRefused(db, call, expected);

async function principalOf(email: string) {
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
  return (await memberPrincipal(db, member.id))!;
}

async function firstPerson() {
  const person = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" }, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { id: person.id, data: JSON.parse(person.data) as Record<string, unknown> };
}

beforeEach(async () => {
  await actAs(db, "ian@acme.dev");
});

describe("what the Intern's navigation and pages are built from", () => {
  it("lists every object but Opportunities, and answers no access for Opportunities and unknown objects alike", async () => {
    const intern = await principalOf("ian@acme.dev");
    expect((await visibleObjects(db, intern)).map((object) => object.namePlural)).toEqual(["people", "companies", "notes", "tasks"]);
    expect(await loadObjectView(db, intern, "opportunities")).toBeNull();
    expect(await loadObjectView(db, intern, "unicorns")).toBeNull();
    const admin = await principalOf("admin@acme.dev");
    expect((await visibleObjects(db, admin)).map((object) => object.namePlural)).toContain("opportunities");
  });

  it("describes People without Address, Email read-only, Job title editable, and only the Export CSV action", async () => {
    const intern = await principalOf("ian@acme.dev");
    const { view } = (await loadObjectView(db, intern, "people"))!;
    const names = view.fields.map((field) => field.name);
    expect(names).not.toContain("address");
    expect(names).toEqual(expect.arrayContaining(["name", "email", "phone", "city", "jobTitle", "companyId"]));
    const field = (name: string) => view.fields.find((candidate) => candidate.name === name)!;
    expect(field("email").editable).toBe(false);
    expect(field("jobTitle").editable).toBe(true);
    expect(field("companyId")).toMatchObject({ editable: true, relationTarget: "companies" });
    expect(field("id").editable).toBe(false);
    expect(view.can).toEqual({ create: true, update: true, delete: false, destroy: false, exportCsv: true, importCsv: false, sendEmail: false });
  });

  it("describes Companies as read-only: no create, no editable field", async () => {
    const intern = await principalOf("ian@acme.dev");
    const { view } = (await loadObjectView(db, intern, "companies"))!;
    expect(view.can.create).toBe(false);
    expect(view.can.update).toBe(false);
    expect(view.fields.some((field) => field.editable)).toBe(false);
  });

  it("gives the Member every action but destroy, and the Guest none", async () => {
    const member = (await loadObjectView(db, await principalOf("mia@acme.dev"), "people"))!.view;
    expect(member.can).toEqual({ create: true, update: true, delete: true, destroy: false, exportCsv: true, importCsv: true, sendEmail: true });
    const guest = (await loadObjectView(db, await principalOf("gus@acme.dev"), "people"))!.view;
    expect(guest.can).toEqual({ create: false, update: false, delete: false, destroy: false, exportCsv: false, importCsv: false, sendEmail: false });
  });
});

describe("listRecordsAction", () => {
  it("returns People without the Address key and with the companies' names", async () => {
    const result = await listRecordsAction({ object: "people", limit: 10 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.records).toHaveLength(10);
    for (const record of result.data.records) expect(record).not.toHaveProperty("address");
    const companyId = String(result.data.records[0].companyId);
    const company = await db.record.findUniqueOrThrow({ where: { id: companyId } });
    expect(result.data.labels.companyId[companyId]).toBe(JSON.parse(company.data).name);
  });

  it("walks every person once with cursors, in the requested order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result: Awaited<ReturnType<typeof listRecordsAction>> = await listRecordsAction({ object: "people", limit: 50, cursor, orderBy: { field: "name", direction: "desc" } });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      seen.push(...result.data.records.map((record) => String(record.id)));
      cursor = result.data.pageInfo.hasNextPage ? result.data.pageInfo.endCursor : null;
    } while (cursor);
    const total = await db.record.count({ where: { object: { nameSingular: "person" }, deletedAt: null } });
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it("filters and searches on visible fields only", async () => {
    const paris = await listRecordsAction({ object: "people", filter: [{ field: "city", op: "eq", value: "Paris" }], limit: 200 });
    if (!paris.ok) throw new Error(JSON.stringify(paris.errors));
    expect(paris.data.records.length).toBeGreaterThan(0);
    expect(paris.data.records.every((record) => record.city === "Paris")).toBe(true);
    // Street names exist only in addresses: the Intern's search never matches them.
    const streets = await listRecordsAction({ object: "people", search: "Rivoli" });
    expect(streets.ok && streets.data.records).toEqual([]);
    await expectRefused(() => listRecordsAction({ object: "people", filter: [{ field: "address", op: "like", value: "Rue" }] }), { code: "FORBIDDEN", field: "address" });
    await expectRefused(() => listRecordsAction({ object: "people", orderBy: { field: "address", direction: "asc" } }), { code: "FORBIDDEN", field: "address" });
  });

  it("refuses Opportunities to the Intern, and shows them to the Admin", async () => {
    await expectRefused(() => listRecordsAction({ object: "opportunities" }), { code: "FORBIDDEN", params: { reason: "OBJECT_NOT_VISIBLE" } });
    await actAs(db, "admin@acme.dev");
    const result = await listRecordsAction({ object: "opportunities", limit: 5 });
    expect(result.ok && result.data.records).toHaveLength(5);
  });

  it("refuses bad input and a signed-out caller", async () => {
    await expectRefused(() => listRecordsAction({ object: "people", limit: 0 }), { code: "VALIDATION_FAILED", field: "limit" });
    await expectRefused(() => listRecordsAction({ object: "people", filter: [{ field: "city", op: "bogus" as "eq", value: "x" }] }), { code: "VALIDATION_FAILED" });
    await expectRefused(() => listRecordsAction({ object: "people", cursor: "not-a-cursor" }), { code: "VALIDATION_FAILED", field: "cursor" });
    await expectRefused(() => listRecordsAction({ object: "" }), { code: "VALIDATION_FAILED", field: "object" });
    await actAs(db, null);
    await expectRefused(() => listRecordsAction({ object: "people" }), { code: "UNAUTHENTICATED" });
  });
});

describe("updateRecordAction", () => {
  it("saves the Intern's Job title, and refuses Email (read-only) and Address (hidden) without changing anything", async () => {
    const person = await firstPerson();
    const saved = await updateRecordAction({ object: "people", id: person.id, patch: { jobTitle: "Chief Intern" } });
    expect(saved.ok).toBe(true);
    expect(saved.ok && saved.data).not.toHaveProperty("address");
    expect(JSON.parse((await db.record.findUniqueOrThrow({ where: { id: person.id } })).data).jobTitle).toBe("Chief Intern");

    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { email: "new@acme.dev" } }), {
      code: "FORBIDDEN",
      field: "email",
      params: { reason: "FIELD_READ_ONLY" },
    });
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { jobTitle: "Sneaky", address: "1 Main Street" } }), {
      code: "FORBIDDEN",
      field: "address",
      params: { reason: "FIELD_NOT_VISIBLE" },
    });
  });

  it("refuses every change to a Company for the Intern and the Guest", async () => {
    const company = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "company" } } });
    await expectRefused(() => updateRecordAction({ object: "companies", id: company.id, patch: { name: "Renamed" } }), {
      code: "FORBIDDEN",
      params: { reason: "OBJECT_NOT_EDITABLE" },
    });
    await actAs(db, "gus@acme.dev");
    const person = await firstPerson();
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { jobTitle: "Guest star" } }), { code: "FORBIDDEN" });
  });

  it("names the field of an invalid value, and refuses an empty name", async () => {
    await actAs(db, "mia@acme.dev");
    const person = await firstPerson();
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { email: "not an email" } }), { code: "VALIDATION_FAILED", field: "email" });
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { name: null } }), { code: "VALIDATION_FAILED", field: "name" });
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { companyId: "no-such-company" } }), {
      code: "VALIDATION_FAILED",
      field: "companyId",
    });
    await expectRefused(() => updateRecordAction({ object: "people", id: "no-such-id", patch: { city: "Paris" } }), { code: "NOT_FOUND" });
  });
});

describe("createRecordAction", () => {
  it("creates a person for the Intern with editable fields only", async () => {
    const company = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "company" } } });
    const result = await createRecordAction({ object: "people", values: { name: "Nina New", jobTitle: "Intern", city: "Lyon", companyId: company.id } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const row = await db.record.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(JSON.parse(row.data)).toEqual({ name: "Nina New", jobTitle: "Intern", city: "Lyon", companyId: company.id });
    expect(await db.auditLog.count({ where: { action: "record.created", targetId: result.data.id } })).toBe(1);
  });

  it("refuses read-only and hidden fields, read-only objects, and a missing name", async () => {
    await expectRefused(() => createRecordAction({ object: "people", values: { name: "X", email: "x@acme.dev" } }), { code: "FORBIDDEN", field: "email" });
    await expectRefused(() => createRecordAction({ object: "people", values: { name: "X", address: "Somewhere" } }), { code: "FORBIDDEN", field: "address" });
    await expectRefused(() => createRecordAction({ object: "companies", values: { name: "Intern Inc" } }), {
      code: "FORBIDDEN",
      params: { reason: "OBJECT_NOT_CREATABLE" },
    });
    await expectRefused(() => createRecordAction({ object: "opportunities", values: { name: "Deal" } }), {
      code: "FORBIDDEN",
      params: { reason: "OBJECT_NOT_VISIBLE" },
    });
    await expectRefused(() => createRecordAction({ object: "people", values: { city: "Paris" } }), { code: "VALIDATION_FAILED", field: "name" });
    await expectRefused(() => createRecordAction({ object: "people", values: "oops" as unknown as Record<string, unknown> }), { code: "VALIDATION_FAILED" });
  });
});

describe("trash: delete, restore, destroy", () => {
  it("refuses delete to the Intern; the Member deletes and restores; only the Admin destroys", async () => {
    const person = await firstPerson();
    await expectRefused(() => softDeleteRecordAction({ object: "people", id: person.id }), { code: "FORBIDDEN", params: { reason: "OBJECT_NOT_DELETABLE" } });

    await actAs(db, "mia@acme.dev");
    expect((await softDeleteRecordAction({ object: "people", id: person.id })).ok).toBe(true);
    const trash = await listRecordsAction({ object: "people", trash: true, limit: 200 });
    expect(trash.ok && trash.data.records.map((record) => record.id)).toContain(person.id);
    const live = await listRecordsAction({ object: "people", limit: 200, filter: [{ field: "id", op: "eq", value: person.id }] });
    expect(live.ok && live.data.records).toEqual([]);
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { city: "Rome" } }), { code: "RECORD_IN_TRASH" });
    await expectRefused(() => destroyRecordAction({ object: "people", id: person.id }), { code: "FORBIDDEN", params: { reason: "OBJECT_NOT_DESTROYABLE" } });

    await actAs(db, "ian@acme.dev");
    await expectRefused(() => restoreRecordAction({ object: "people", id: person.id }), { code: "FORBIDDEN", params: { reason: "OBJECT_NOT_DELETABLE" } });

    await actAs(db, "mia@acme.dev");
    expect((await restoreRecordAction({ object: "people", id: person.id })).ok).toBe(true);
    expect((await db.record.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).toBeNull();
    await expectRefused(() => restoreRecordAction({ object: "people", id: person.id }), { code: "RECORD_NOT_IN_TRASH" });

    await actAs(db, "admin@acme.dev");
    expect((await destroyRecordAction({ object: "people", id: person.id })).ok).toBe(true);
    expect(await db.record.findUnique({ where: { id: person.id } })).toBeNull();
  });
});

describe("relationOptionsAction", () => {
  it("offers companies for a person's Company, sorted by name", async () => {
    const result = await relationOptionsAction({ object: "people", field: "companyId" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.length).toBe(await db.record.count({ where: { object: { nameSingular: "company" }, deletedAt: null } }));
    const labels = result.data.map((option) => option.label);
    expect(labels).toEqual([...labels].sort());
  });

  it("refuses a relation of a hidden object, a hidden field, and a field that is not a relation", async () => {
    await expectRefused(() => relationOptionsAction({ object: "opportunities", field: "companyId" }), { code: "FORBIDDEN" });
    await expectRefused(() => relationOptionsAction({ object: "people", field: "address" }), { code: "FORBIDDEN" });
    await expectRefused(() => relationOptionsAction({ object: "people", field: "city" }), { code: "FORBIDDEN" });
  });
});

describe("a signed-out caller", () => {
  it("is refused by every write action", async () => {
    await actAs(db, null);
    const person = await firstPerson();
    await expectRefused(() => createRecordAction({ object: "people", values: { name: "Ghost" } }), { code: "UNAUTHENTICATED" });
    await expectRefused(() => updateRecordAction({ object: "people", id: person.id, patch: { city: "Oslo" } }), { code: "UNAUTHENTICATED" });
    await expectRefused(() => softDeleteRecordAction({ object: "people", id: person.id }), { code: "UNAUTHENTICATED" });
  });
});
