/**
 * SPEC §13: the SQL a record-level rule compiles to (lib/records/sql.ts) selects exactly the
 * records the engine's in-memory evaluation accepts. Real SQLite (better-sqlite3, in memory),
 * the same `Record` columns and JSON `data`, random records and random rules.
 */
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { matchesRecordRule, recordRulePredicate, type RecordCondition, type RecordRule } from "@/lib/permissions";
import type { RecordField } from "./objects";
import { predicateSql } from "./sql";
import { registerRecordFunctions } from "@/lib/db/sqlite-functions";

const FIELDS: RecordField[] = [
  { name: "name", label: "Name", type: "TEXT", isLabel: true, isSystem: false },
  { name: "stage", label: "Stage", type: "SELECT", isLabel: false, isSystem: false },
  { name: "amount", label: "Amount", type: "NUMBER", isLabel: false, isSystem: false },
  { name: "closeDate", label: "Close date", type: "DATE", isLabel: false, isSystem: false },
  { name: "won", label: "Won", type: "BOOLEAN", isLabel: false, isSystem: false },
  { name: "ownerId", label: "Owner", type: "MEMBER", isLabel: false, isSystem: false },
];
const BY_NAME = new Map(FIELDS.map((field) => [field.name, field]));

// Small pools so that conditions often hit; odd characters exercise LIKE escaping and case folding.
const text = fc.constantFrom("", "a", "A", "ab", "Ab%", "a_b", "x\\y", "é", "É", "Élise", "ÉLISE", "k", "\u212A", "deal", "DEAL 1", "NEW", "new");
const number = fc.constantFrom(-5, 0, 1, 2.5, 100, 1000);
const date = fc.constantFrom("2026-01-01", "2026-06-15", "2027-01-01");
const member = fc.constantFrom("m1", "m2", "m3");

const optional = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const record = fc.record(
  { name: optional(text), stage: optional(text), amount: optional(number), closeDate: optional(date), won: optional(fc.boolean()), ownerId: optional(member) },
  { requiredKeys: [] },
);

const condition: fc.Arbitrary<RecordCondition> = fc.oneof(
  fc.record({ field: fc.constantFrom("name", "stage"), operator: fc.constantFrom("eq", "neq", "contains"), value: text.filter((t) => t !== "") }),
  fc.record({ field: fc.constantFrom("name", "stage"), operator: fc.constant("in"), value: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.record({ field: fc.constant("amount"), operator: fc.constantFrom("eq", "neq", "gt", "lt"), value: number }),
  fc.record({ field: fc.constant("amount"), operator: fc.constant("in"), value: fc.array(number, { minLength: 1, maxLength: 3 }) }),
  fc.record({ field: fc.constant("closeDate"), operator: fc.constantFrom("eq", "neq", "gt", "lt"), value: date }),
  fc.record({ field: fc.constant("won"), operator: fc.constantFrom("eq", "neq"), value: fc.boolean() }),
  fc.record({ field: fc.constant("ownerId"), operator: fc.constantFrom("eq", "neq"), value: fc.oneof(member, fc.constant({ me: true as const })) }),
  fc.record({ field: fc.constant("ownerId"), operator: fc.constant("in"), value: fc.array(member, { minLength: 1, maxLength: 2 }) }),
  fc.record({ field: fc.constantFrom("name", "stage", "amount", "closeDate", "won", "ownerId"), operator: fc.constantFrom("isEmpty", "isNotEmpty") }),
) as fc.Arbitrary<RecordCondition>;

const rule: fc.Arbitrary<RecordRule> = fc.oneof(
  { arbitrary: fc.constant({ mode: "all" } as const), weight: 1 },
  { arbitrary: fc.record({ mode: fc.constant("match" as const), join: fc.constantFrom("all" as const, "any" as const), conditions: fc.array(condition, { minLength: 1, maxLength: 4 }) }), weight: 6 },
);

const db = new Database(":memory:");
registerRecordFunctions(db);
db.exec(`CREATE TABLE "Record" ("id" TEXT PRIMARY KEY, "data" TEXT NOT NULL, "createdAt" TEXT, "updatedAt" TEXT)`);
afterAll(() => db.close());

function sqlAgreesWithEngine(records: readonly Record<string, unknown>[], ruleValue: RecordRule, memberId: string | null) {
  db.exec(`DELETE FROM "Record"`);
  const insert = db.prepare(`INSERT INTO "Record" ("id", "data") VALUES (?, ?)`);
  // JSON round trip: undefined keys are absent, as the records domain stores "no value".
  const stored = records.map((values, index) => ({ id: `r${String(index).padStart(3, "0")}`, data: JSON.stringify(values) }));
  for (const row of stored) insert.run(row.id, row.data);

  const where = predicateSql(recordRulePredicate(ruleValue, { memberId }), BY_NAME);
  const fromSql = (db.prepare(`SELECT "id" FROM "Record" WHERE ${where.text} ORDER BY "id"`).all(...where.params) as { id: string }[]).map((row) => row.id);
  const inMemory = stored.filter((row) => matchesRecordRule(ruleValue, JSON.parse(row.data), { memberId })).map((row) => row.id);
  expect(fromSql).toEqual(inMemory);
}

describe("record-level rule: SQL ≡ in-memory evaluation", () => {
  it("SQLite returns exactly the records the engine accepts", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), rule, fc.constantFrom<string | null>("m1", "m2", null), sqlAgreesWithEngine),
      { numRuns: 500 },
    );
  });

  it("contains folds case the same way on both sides, beyond ASCII too", () => {
    const names = fc.array(fc.record({ name: text }), { minLength: 1, maxLength: 10 });
    const contains = fc.record({ field: fc.constant("name"), operator: fc.constant("contains" as const), value: text.filter((t) => t !== "") });
    fc.assert(
      fc.property(names, contains, (records, condition) => sqlAgreesWithEngine(records, { mode: "match", join: "all", conditions: [condition] }, null)),
      { numRuns: 300 },
    );
  });
});
