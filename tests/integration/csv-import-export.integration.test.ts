/**
 * Export CSV and Import CSV (SPEC §2.6) through the records UI's server actions: refused without
 * the action permission, limited to what the role can see (export) and write (import), all or
 * nothing on import, audited on success, and leaving the database untouched when refused.
 */
import Papa from "papaparse";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { expectRecordsRefused, type ExpectedError, type RecordsOutcome } from "./refusal";
import { loadDemo, useDemoDatabase } from "./db";
import { exportCsvAction, importCsvAction } from "@/app/(workspace)/objects/actions";
import { MAX_IMPORT_ROWS } from "@/lib/csv/limits";
import { INTERN_ROLE } from "@/lib/roles/built-in";
import { createMember, createRole } from "@/prisma/factories";

const db = useDemoDatabase();

const expectRefused = (call: () => Promise<RecordsOutcome>, expected: ExpectedError) => expectRecordsRefused(db, call, expected, true);

function parse(csv: string) {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { header, rows };
}

async function exported(object: string, options: Partial<Parameters<typeof exportCsvAction>[0]> = {}) {
  const result = await exportCsvAction({ object, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

function csvForm(object: string, text: string) {
  const form = new FormData();
  form.set("object", object);
  form.set("file", new File([text], "import.csv", { type: "text/csv" }));
  return form;
}

const peopleCount = () => db.record.count({ where: { object: { nameSingular: "person" }, deletedAt: null } });

beforeAll(async () => {
  // An Intern who may also import: the Intern's field rules (Email read-only, Address hidden) plus IMPORT_CSV.
  const { workspace } = await loadDemo(db);
  const objects = await db.objectMetadata.findMany({ where: { workspaceId: workspace.id }, include: { fields: true } });
  const index = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((f) => [f.name, f.id])) }]));
  const role = await createRole(db, workspace.id, index, { ...INTERN_ROLE, name: "Importing intern", actions: ["EXPORT_CSV", "IMPORT_CSV"] });
  await createMember(db, { workspaceId: workspace.id, roleId: role.id, email: "importer@acme.dev", name: "Imogen Importer", passwordHash: "unused" });
});

beforeEach(async () => {
  await actAs(db, "ian@acme.dev");
});

describe("Export CSV", () => {
  it("exports People for the Intern without the Address column, with company names, and audits it", async () => {
    const before = await db.auditLog.count({ where: { action: "records.exported" } });
    const file = await exported("people");
    const { header, rows } = parse(file.csv);
    expect(header).toEqual(["Name", "Email", "Phone", "City", "Job title", "Company", "Owner", "Id", "Creation date", "Last update"]);
    expect(header.map((column) => column.toLowerCase())).not.toContain("address");
    expect(rows).toHaveLength(await peopleCount());
    expect(file.count).toBe(rows.length);
    expect(file.filename).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
    // No address value leaks in any cell either (street names appear only in addresses).
    expect(file.csv).not.toMatch(/Rue de Rivoli|Via Roma|Strada Lipscani|Baker Street/);
    // A relation is exported as the related company's name, not its id.
    const person = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "person" } }, orderBy: { createdAt: "asc" } });
    const company = await db.record.findUniqueOrThrow({ where: { id: JSON.parse(person.data).companyId } });
    const row = rows.find((candidate) => candidate[header.indexOf("Id")] === person.id)!;
    expect(row[header.indexOf("Company")]).toBe(JSON.parse(company.data).name);
    expect(rows.some((candidate) => candidate.includes(company.id))).toBe(false);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "records.exported" }, orderBy: { createdAt: "desc" } });
    expect(await db.auditLog.count({ where: { action: "records.exported" } })).toBe(before + 1);
    expect(entry).toMatchObject({ actorLabel: "Ian Intern", targetType: "person" });
    expect(JSON.parse(entry.after!)).toMatchObject({ count: rows.length, fields: expect.not.arrayContaining(["address"]) });
  });

  it("applies the list's filter, sort and search", async () => {
    const { header, rows } = parse((await exported("people", { filter: [{ field: "city", op: "eq", value: "Paris" }], orderBy: { field: "name", direction: "desc" } })).csv);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[header.indexOf("City")] === "Paris")).toBe(true);
    const names = rows.map((row) => row[header.indexOf("Name")]);
    expect(names).toEqual([...names].sort().reverse());
    const searched = parse((await exported("people", { search: "Head of Sales" })).csv).rows;
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.every((row) => row.join(" ").includes("Head of Sales"))).toBe(true);
  });

  it("never exports Opportunities for the Intern, nor lets a filter or sort on Address through", async () => {
    await expectRefused(() => exportCsvAction({ object: "opportunities" }), { code: "FORBIDDEN", params: expect.objectContaining({ reason: "OBJECT_NOT_VISIBLE" }) });
    await expectRefused(() => exportCsvAction({ object: "opportunity" }), { code: "FORBIDDEN" });
    await expectRefused(() => exportCsvAction({ object: "people", filter: [{ field: "address", op: "like", value: "Rue" }] }), { code: "FORBIDDEN", field: "address" });
    await expectRefused(() => exportCsvAction({ object: "people", orderBy: { field: "address", direction: "asc" } }), { code: "FORBIDDEN", field: "address" });
  });

  it("refuses the Guest (no Export CSV action) before reading anything", async () => {
    await actAs(db, "gus@acme.dev");
    await expectRefused(() => exportCsvAction({ object: "people" }), { code: "FORBIDDEN", params: { reason: "ACTION_NOT_ALLOWED", action: "EXPORT_CSV" } });
    await expectRefused(() => exportCsvAction({ object: "unicorns" }), { code: "FORBIDDEN", params: { reason: "ACTION_NOT_ALLOWED", action: "EXPORT_CSV" } });
  });

  it("gives the Admin every column, Address and Opportunities included", async () => {
    await actAs(db, "admin@acme.dev");
    expect(parse((await exported("people")).csv).header).toContain("Address");
    const opportunities = parse((await exported("opportunities")).csv);
    expect(opportunities.header).toEqual(["Name", "Amount", "Stage", "Close date", "Company", "Owner", "Id", "Creation date", "Last update"]);
    expect(opportunities.rows.length).toBe(await db.record.count({ where: { object: { nameSingular: "opportunity" }, deletedAt: null } }));
  });

  it("refuses bad input and a signed-out caller", async () => {
    await expectRefused(() => exportCsvAction({ object: "people", search: "x".repeat(500) }), { code: "VALIDATION_FAILED", field: "search" });
    await expectRefused(() => exportCsvAction({ object: "people", filter: [{ field: "employees", op: "gt", value: "many" }] }), { code: "UNKNOWN_FIELD" });
    await actAs(db, null);
    await expectRefused(() => exportCsvAction({ object: "people" }), { code: "UNAUTHENTICATED" });
  });
});

describe("Import CSV", () => {
  it("is refused to the Intern and the Guest (no Import CSV action), writing nothing", async () => {
    const csv = "Name,Job title\nNew Person,Engineer\n";
    await expectRefused(() => importCsvAction(csvForm("people", csv)), { code: "FORBIDDEN", params: { reason: "ACTION_NOT_ALLOWED", action: "IMPORT_CSV" } });
    await actAs(db, "gus@acme.dev");
    await expectRefused(() => importCsvAction(csvForm("people", csv)), { code: "FORBIDDEN", params: { reason: "ACTION_NOT_ALLOWED", action: "IMPORT_CSV" } });
  });

  it("imports every row for the Member, resolving companies by name or id, and audits it", async () => {
    await actAs(db, "mia@acme.dev");
    const [first, second] = await db.record.findMany({ where: { object: { nameSingular: "company" } }, orderBy: { id: "asc" }, take: 2 });
    const firstName = JSON.parse(first.data).name as string;
    const csv = [
      "Name,email,Job title,Company,Address",
      `Ana Import,ana@import.dev,Buyer,${firstName},"12 Rue de Rivoli, Paris"`,
      `Ben Import,ben@import.dev,,${second.id},`,
      "",
      `"Carla ""CJ"" Import",,'=Engineer,,`,
    ].join("\r\n");
    const before = await peopleCount();
    const result = await importCsvAction(csvForm("people", csv));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data).toEqual({ imported: 3, ignoredColumns: [] });
    expect(await peopleCount()).toBe(before + 3);
    const created = await db.record.findMany({ where: { object: { nameSingular: "person" }, data: { contains: "Import" } }, orderBy: { createdAt: "asc" } });
    const data = created.map((row) => JSON.parse(row.data));
    expect(data).toContainEqual({ name: "Ana Import", email: "ana@import.dev", jobTitle: "Buyer", companyId: first.id, address: "12 Rue de Rivoli, Paris" });
    expect(data).toContainEqual({ name: "Ben Import", email: "ben@import.dev", companyId: second.id });
    expect(data).toContainEqual({ name: 'Carla "CJ" Import', jobTitle: "=Engineer" });
    expect(await db.auditLog.count({ where: { action: "records.imported", actorLabel: "Mia Moreau" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "record.created", targetId: { in: created.map((row) => row.id) } } })).toBe(3);
  });

  it("re-imports its own export, ignoring the system columns", async () => {
    await actAs(db, "mia@acme.dev");
    const file = await exported("companies", { filter: [{ field: "name", op: "like", value: "Nova" }] });
    const before = await db.record.count({ where: { object: { nameSingular: "company" } } });
    const result = await importCsvAction(csvForm("companies", file.csv));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.imported).toBe(file.count);
    expect(result.data.ignoredColumns).toEqual(["Id", "Creation date", "Last update"]);
    expect(await db.record.count({ where: { object: { nameSingular: "company" } } })).toBe(before + file.count);
  });

  it("imports nothing when one row is invalid, and reports each bad row with its number and field", async () => {
    await actAs(db, "mia@acme.dev");
    const csv = [
      "Name,Email,Company",
      "Good One,good@import.dev,",
      "Bad Email,not-an-email,",
      ",nobody@import.dev,",
      "Lost,lost@import.dev,No Such Company",
      "Good Two,good2@import.dev,",
    ].join("\n");
    const errors = await expectRefused(() => importCsvAction(csvForm("people", csv)), { code: "VALIDATION_FAILED", field: "email" });
    expect(errors).toEqual([
      expect.objectContaining({ code: "VALIDATION_FAILED", field: "email", params: expect.objectContaining({ row: 3, column: "Email" }) }),
      expect.objectContaining({ code: "VALIDATION_FAILED", field: "name", params: expect.objectContaining({ row: 4, reason: "REQUIRED" }) }),
      expect.objectContaining({ code: "VALIDATION_FAILED", field: "companyId", params: expect.objectContaining({ row: 5, reason: "RELATION_NOT_FOUND", value: "No Such Company" }) }),
    ]);
    expect(await db.record.count({ where: { data: { contains: "good@import.dev" } } })).toBe(0);
  });

  it("refuses a file with a hidden or read-only column before reading any row, naming the column", async () => {
    await actAs(db, "importer@acme.dev");
    const hidden = await expectRefused(() => importCsvAction(csvForm("people", "Name,Address\nAna,1 Main Street\n")), {
      code: "FORBIDDEN",
      field: "address",
      params: expect.objectContaining({ column: "Address", reason: "FIELD_NOT_VISIBLE" }),
    });
    expect(hidden).toHaveLength(1);
    const both = await expectRefused(() => importCsvAction(csvForm("people", "name,email,address,salary\nAna,a@b.dev,x,1\n")), {
      code: "FORBIDDEN",
      field: "email",
      params: expect.objectContaining({ column: "email", reason: "FIELD_READ_ONLY" }),
    });
    expect(both).toEqual([
      expect.objectContaining({ field: "email", params: expect.objectContaining({ reason: "FIELD_READ_ONLY" }) }),
      expect.objectContaining({ field: "address", params: expect.objectContaining({ reason: "FIELD_NOT_VISIBLE" }) }),
      expect.objectContaining({ code: "UNKNOWN_FIELD", params: expect.objectContaining({ column: "salary", reason: "UNKNOWN_COLUMN" }) }),
    ]);
    // A read-only object, and a hidden one.
    await expectRefused(() => importCsvAction(csvForm("companies", "Name\nIntern Inc\n")), { code: "FORBIDDEN", params: expect.objectContaining({ reason: "OBJECT_NOT_CREATABLE" }) });
    await expectRefused(() => importCsvAction(csvForm("opportunities", "Name\nDeal\n")), { code: "FORBIDDEN", params: expect.objectContaining({ reason: "OBJECT_NOT_VISIBLE" }) });
  });

  it("lets the importing Intern import the People columns it may write", async () => {
    await actAs(db, "importer@acme.dev");
    const result = await importCsvAction(csvForm("people", "Name,Job title,City\nIvy Import,Intern,Rome\n"));
    expect(result).toEqual({ ok: true, data: { imported: 1, ignoredColumns: [] } });
  });

  it("refuses empty files, missing files, duplicate and missing columns, and ragged rows", async () => {
    await actAs(db, "mia@acme.dev");
    await expectRefused(() => importCsvAction(csvForm("people", "")), { code: "VALIDATION_FAILED", params: { reason: "EMPTY_FILE" } });
    await expectRefused(() => importCsvAction(csvForm("people", "Name,City\n")), { code: "VALIDATION_FAILED", params: { reason: "EMPTY_FILE" } });
    const noFile = new FormData();
    noFile.set("object", "people");
    await expectRefused(() => importCsvAction(noFile), { code: "VALIDATION_FAILED", field: "file" });
    await expectRefused(() => importCsvAction(csvForm("people", "Name,name\nA,B\n")), { code: "VALIDATION_FAILED", params: expect.objectContaining({ reason: "DUPLICATE_COLUMN" }) });
    await expectRefused(() => importCsvAction(csvForm("people", "City\nParis\n")), { code: "VALIDATION_FAILED", params: expect.objectContaining({ reason: "MISSING_COLUMN", column: "Name" }) });
    await expectRefused(() => importCsvAction(csvForm("people", "Name,City\nAna,Paris,extra\n")), { code: "VALIDATION_FAILED", params: expect.objectContaining({ row: 2, reason: "TOO_MANY_CELLS" }) });
    await expectRefused(() => importCsvAction(csvForm("people", `Name\n${"x".repeat(1_000_000)}\n`)), { code: "VALIDATION_FAILED", params: expect.objectContaining({ reason: "FILE_TOO_LARGE" }) });
    const tooMany = ["Name", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `Person ${index}`)].join("\n");
    await expectRefused(() => importCsvAction(csvForm("people", tooMany)), {
      code: "VALIDATION_FAILED",
      params: { reason: "TOO_MANY_ROWS", limit: MAX_IMPORT_ROWS, count: MAX_IMPORT_ROWS + 1 },
    });
  });
});
