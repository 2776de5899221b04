/**
 * The records queries read their pages off the expression indexes (lib/records/indexes.ts) on
 * both databases: the plan of the very statement selectRecordPage sends (EXPLAIN on PostgreSQL,
 * EXPLAIN QUERY PLAN on SQLite) names the field's index and sorts nothing, for an equality filter
 * with the default order and for a data-field sort with its keyset cursor. A custom field added
 * through the domain function gets its index in the same transaction.
 *
 * The demo data are small, so PostgreSQL's planner is told not to scan the table or sort
 * (`SET LOCAL enable_seqscan/enable_sort = off`): it then uses an index only where one matches
 * the query's expression and order, which is what is checked, not the plan a big table would get
 * (bench/scale.bench.ts measures that).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import type { Tx } from "@/lib/db/prisma";
import { addCustomField } from "@/lib/metadata/fields";
import { findRecordObject, type RecordObject } from "@/lib/records";
import { postgresRecordIndexName, recordIndexName } from "@/lib/records/indexes";
import { postgresSearchIndexName } from "@/lib/records/search-index";
import { selectRecordPage, type RecordPageQuery } from "@/lib/records/sql";
import { useDemoDatabase, onPostgres } from "./db";

const db = useDemoDatabase();
let admin: Principal;
let people: RecordObject;

beforeAll(async () => {
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } });
  admin = (await memberPrincipal(db, member.id))!;
  people = (await findRecordObject(db, admin.workspaceId, "people"))!;
});

/** The plan of the page statement(s) selectRecordPage would run, as text. */
async function planOf(query: Omit<RecordPageQuery, "workspaceId" | "objectId" | "trash" | "conditions" | "limit"> & Partial<RecordPageQuery>, object = people): Promise<string> {
  return db.$transaction(async (tx) => {
    if (onPostgres) await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off");
    const plans: string[] = [];
    // selectRecordPage's only statements are its page queries: each is explained instead of run.
    const explaining = new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== "$queryRawUnsafe") return Reflect.get(target, property, receiver);
        return async (text: string, ...params: unknown[]) => {
          const rows = await target.$queryRawUnsafe<Record<string, unknown>[]>(`${onPostgres ? "EXPLAIN" : "EXPLAIN QUERY PLAN"} ${text}`, ...params);
          plans.push(rows.map((row) => String(row["QUERY PLAN"] ?? row.detail)).join("\n"));
          return [];
        };
      },
    }) as Tx;
    await selectRecordPage(explaining, { workspaceId: admin.workspaceId, objectId: object.id, trash: "exclude", conditions: [], limit: 51, ...query });
    return plans.join("\n---\n");
  });
}

const field = (name: string, object = people) => object.fieldsByName.get(name)!;
const indexOf = (name: string, kind: "text" | "number" = "text") => (onPostgres ? postgresRecordIndexName(name, kind) : recordIndexName(name));
/** A sort the database does itself: PostgreSQL's Sort node, SQLite's temporary B-tree. */
const SORTS = /(^|\s)Sort( |$)|Sort Key|TEMP B-TREE/m;

describe(`expression indexes on ${onPostgres ? "PostgreSQL" : "SQLite"}`, () => {
  it("an equality filter with the default order reads the field's index, unsorted", async () => {
    const plan = await planOf({ conditions: [{ field: field("city"), op: "eq", value: "Paris" }], sort: { field: field("createdAt"), direction: "asc" } });
    expect(plan).toContain(indexOf("city"));
    expect(plan).not.toMatch(SORTS);
  });

  for (const direction of ["asc", "desc"] as const) {
    it(`a data-field sort (${direction}) and its next page read the field's index, unsorted`, async () => {
      const sort = { field: field("name"), direction };
      const first = await planOf({ sort });
      expect(first).toContain(indexOf("name"));
      expect(first).not.toMatch(SORTS);
      // The values after the cursor; a descending walk then reads the empty values (another
      // statement, only once the values run out), which SQLite sorts: few rows, not checked here.
      const [next] = (await planOf({ sort, after: { value: "Marta", id: "x", at: "2026-01-01T00:00:00.000+00:00" } })).split("\n---\n");
      expect(next).toContain(indexOf("name"));
      expect(next).not.toMatch(SORTS);
    });
  }

  it("the default list reads an index in order", async () => {
    const plan = await planOf({ sort: { field: field("createdAt"), direction: "asc" } });
    expect(plan).not.toMatch(SORTS);
  });

  it("a custom field gets its index in the transaction that adds it, and queries use it", async () => {
    const name = "headcount";
    await db.$transaction((tx) => addCustomField(tx, admin, { objectId: people.id, label: "Headcount", name, type: "NUMBER", options: [] }));
    const indexName = indexOf(name, "number");
    const found = onPostgres
      ? await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_indexes WHERE indexname = $1`, indexName)
      : await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`, indexName);
    expect(found).toHaveLength(1);
    const withField = (await findRecordObject(db, admin.workspaceId, "people"))!;
    const plan = await planOf({ conditions: [{ field: field(name, withField), op: "gte", value: 10 }], sort: { field: field(name, withField), direction: "asc" } }, withField);
    expect(plan).toContain(indexName);
    expect(plan).not.toMatch(SORTS);
  });

  it("one name with two kinds in two objects: PostgreSQL indexes each kind, SQLite the name once", async () => {
    const companies = (await findRecordObject(db, admin.workspaceId, "companies"))!;
    await db.$transaction((tx) => addCustomField(tx, admin, { objectId: people.id, label: "Tier", name: "tier", type: "NUMBER", options: [] }));
    await db.$transaction((tx) => addCustomField(tx, admin, { objectId: companies.id, label: "Tier", name: "tier", type: "TEXT", options: [] }));
    const names = onPostgres
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT indexname::text AS name FROM pg_indexes WHERE indexname LIKE '%\\_tier\\_idx' ORDER BY 1`)
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%tier%' ORDER BY 1`);
    // PostgreSQL also gives the text one its trigram index for search (lib/records/search-index.ts).
    const expected = onPostgres ? [postgresRecordIndexName("tier", "text"), postgresRecordIndexName("tier", "number"), postgresSearchIndexName("tier")] : [recordIndexName("tier")];
    expect(names.map((row) => row.name)).toEqual(expected.sort());
  });
});
