/**
 * Search at scale (SPEC §21) on both databases: the trigram indexes of lib/records/search-index.ts
 * propose candidates, the exact condition over the reader's visible fields decides. Results equal
 * an in-memory scan for rare, frequent, accented and short terms; a term held only by a field the
 * reader cannot see finds nothing; the index follows writes, deletions and new custom fields.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeyPrincipal, memberPrincipal, type Principal } from "@/lib/access/principal";
import { dialectOf } from "@/lib/db/sql-dialect";
import { addCustomField } from "@/lib/metadata/fields";
import { createRecord, destroyRecord, findRecordObject, listRecords, updateRecord, visibleFieldsOf, type VisibleRecord } from "@/lib/records";
import { postgresSearchIndexName, searchCandidates, SEARCHABLE_TYPES } from "@/lib/records/search-index";
import { onPostgres, useDemoDatabase } from "./db";

const db = useDemoDatabase();
let admin: Principal;
let intern: Principal;
const created: Record<string, string> = {};

async function everyMatch(principal: Principal, term: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await listRecords(db, principal, "people", { search: term, limit: 200, cursor });
    ids.push(...page.records.map((record) => record.id as string));
    if (!page.pageInfo.hasNextPage) return ids.sort();
    cursor = page.pageInfo.endCursor;
  }
}

/** The reference: every record the principal lists, filtered in memory on its visible text fields. */
async function scanned(principal: Principal, term: string): Promise<string[]> {
  const object = (await findRecordObject(db, principal.workspaceId, "people"))!;
  const fields = visibleFieldsOf(principal, object).filter((field) => SEARCHABLE_TYPES.has(field.type));
  const all: VisibleRecord[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await listRecords(db, principal, "people", { limit: 200, cursor });
    all.push(...page.records);
    if (!page.pageInfo.hasNextPage) break;
    cursor = page.pageInfo.endCursor;
  }
  const needle = term.toLowerCase();
  return all
    .filter((record) => fields.some((field) => typeof record[field.name] === "string" && (record[field.name] as string).toLowerCase().includes(needle)))
    .map((record) => record.id as string)
    .sort();
}

beforeAll(async () => {
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } });
  admin = (await memberPrincipal(db, member.id))!;
  const key = await apiKeyPrincipal(db, "demo-intern-key");
  if (!key.ok) throw new Error(key.reason);
  intern = key.principal;
  const people: [string, Record<string, string>][] = [
    ["rare", { name: "Zyxwvut Quorble", email: "zq@example.com", address: "1 Hiddenlane" }],
    ["accented", { name: "ÉLISE Ångström", address: "2 Rue Publique" }],
    ["hidden", { name: "Plain Person", address: "Secretstreet 42" }],
  ];
  for (const [label, values] of people) created[label] = (await db.$transaction((tx) => createRecord(tx, admin, "people", values))).id as string;
});

describe(`search through the trigram index on ${onPostgres ? "PostgreSQL" : "SQLite"}`, () => {
  for (const term of ["Quorble", "zyxwvut quorble", "élise", "ÅNGSTRÖM", "Émile", "an", "a", "example.com", "name", "Hiddenlane", "xx-none-xx"]) {
    it(`finds exactly what a scan finds for "${term}", as Admin and as the Intern`, async () => {
      expect(await everyMatch(admin, term)).toEqual(await scanned(admin, term));
      expect(await everyMatch(intern, term)).toEqual(await scanned(intern, term));
    });
  }

  it("never matches a field the reader cannot see (the Intern has no Address)", async () => {
    expect(await everyMatch(admin, "Secretstreet")).toEqual([created.hidden]);
    expect(await everyMatch(intern, "Secretstreet")).toEqual([]);
  });

  it.skipIf(onPostgres)("SQLite: the index proposes the rare term's records, and follows updates and deletions", async () => {
    const d = dialectOf(db);
    expect(await searchCandidates(db, d, "Quorble")).toEqual([created.rare]);
    // Too short for trigrams: the object is read in page order instead.
    expect(await searchCandidates(db, d, "Qu")).toBeNull();
    await db.$transaction((tx) => updateRecord(tx, admin, "people", created.rare, { name: "Flimsome Quibbet" }));
    expect(await searchCandidates(db, d, "Quorble")).toEqual([]);
    expect(await searchCandidates(db, d, "quibbet")).toEqual([created.rare]);
    await db.$transaction((tx) => destroyRecord(tx, admin, "people", created.rare));
    expect(await searchCandidates(db, d, "quibbet")).toEqual([]);
    expect(await everyMatch(admin, "quibbet")).toEqual([]);
  });

  it.skipIf(!onPostgres)("PostgreSQL: the search's condition on a field is the very expression of its trigram index", async () => {
    const d = dialectOf(db);
    const people = (await findRecordObject(db, admin.workspaceId, "people"))!;
    for (const field of visibleFieldsOf(admin, people).filter((candidate) => SEARCHABLE_TYPES.has(candidate.type))) {
      // The text selectRecordPage writes for this field (lib/db/sql-dialect.ts), as PostgreSQL
      // parses it, against the index's own expression: a planner uses an expression index only
      // for the same expression (which plan it then picks depends on the table's size: bench:scale).
      const condition = d.search(d.inlineJsonValue(field.name, "text")!, "Quorble");
      const [{ plan }] = await db.$queryRawUnsafe<{ plan: string }[]>(`EXPLAIN (FORMAT JSON) SELECT "id" FROM "Record" WHERE ${condition.text.replace("?", "$1")}`, `%${condition.term}%`).then((rows) =>
        rows.map((row) => ({ plan: JSON.stringify(row) })),
      );
      const compared = /"(?:Filter|Recheck Cond|Index Cond)":"\((.*) ~~\* /.exec(plan)?.[1];
      const [{ definition }] = await db.$queryRawUnsafe<{ definition: string }[]>(`SELECT pg_get_indexdef(c.oid) AS definition FROM pg_class c WHERE c.relname = $1`, postgresSearchIndexName(field.name));
      expect(compared, plan).toBeTruthy();
      expect(definition).toContain(`USING gin ((${compared}) gin_trgm_ops)`);
    }
  });

  it("a custom text field is searched from its first value on (on PostgreSQL its index is built with it)", async () => {
    const people = (await findRecordObject(db, admin.workspaceId, "people"))!;
    await db.$transaction((tx) => addCustomField(tx, admin, { objectId: people.id, label: "Nickname", name: "nickname", type: "TEXT", options: [] }));
    if (onPostgres) {
      expect(await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_indexes WHERE indexname = $1`, postgresSearchIndexName("nickname"))).toHaveLength(1);
    }
    const fresh = await memberPrincipal(db, admin.id);
    await db.$transaction((tx) => updateRecord(tx, fresh!, "people", created.accented, { nickname: "Glorptastic" }));
    expect(await everyMatch(fresh!, "glorptast")).toEqual([created.accented]);
  });
});
