/**
 * A record-level rule's `contains` folds case by Unicode rules in the database (ILIKE on
 * PostgreSQL, the registered folding function on SQLite) exactly as the engine does in memory, so
 * a list and a write check never judge the same record differently.
 */
import { describe, expect, it } from "vitest";
import { queryRows } from "@/lib/db/hot-path";
import { matchesRecordRule, recordRulePredicate, type RecordRule } from "@/lib/permissions";
import type { RecordField } from "@/lib/records";
import { predicateSql } from "@/lib/records/sql";
import { dialectOf } from "@/lib/db/sql-dialect";
import { onPostgres, useDemoDatabase } from "./db";

const db = useDemoDatabase();
const NAMES = ["Élise Martin", "ÉLISE MARTIN", "élise", "Elise", "\u212Aelvin", "kelvin", "Straße", "STRASSE", "Ǆemal", "ǆemal", ""];
const TERMS = ["élise", "ÉLISE", "elise", "k", "\u212A", "straße", "ǅ", "ß"];
const NAME: RecordField = { name: "name", label: "Name", type: "TEXT", isLabel: true, isSystem: false };

describe(`record-level contains on ${onPostgres ? "PostgreSQL" : "SQLite"}`, () => {
  it("selects exactly the records the engine accepts, whatever the letters", async () => {
    const object = await db.objectMetadata.create({ data: { workspaceId: (await db.workspace.findFirstOrThrow()).id, nameSingular: "folding", namePlural: "foldings", labelSingular: "Folding", labelPlural: "Foldings", isCustom: true } });
    for (const [index, name] of NAMES.entries()) {
      await db.record.create({ data: { id: `fold-${index}`, workspaceId: object.workspaceId, objectMetadataId: object.id, data: JSON.stringify({ name }) } });
    }
    const d = dialectOf(db);
    for (const term of TERMS) {
      const rule: RecordRule = { mode: "match", join: "all", conditions: [{ field: "name", operator: "contains", value: term }] };
      const where = predicateSql(recordRulePredicate(rule, { memberId: null }), new Map([["name", NAME]]), d);
      const rows = await queryRows<{ id: string }>(db, d.placeholders(`SELECT "id" FROM "Record" WHERE "objectMetadataId" = ? AND ${where.text} ORDER BY "id"`), [object.id, ...where.params]);
      const expected = NAMES.map((name, index) => ({ id: `fold-${index}`, name }))
        .filter(({ name }) => matchesRecordRule(rule, { name }, { memberId: null }))
        .map(({ id }) => id)
        .sort();
      expect({ term, ids: rows.map((row) => row.id) }).toEqual({ term, ids: expected });
    }
  });
});
