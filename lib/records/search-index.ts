/**
 * Indexes for search, the case-insensitive "contains" over the text fields a reader may see
 * (SPEC §21): a term found in few records answers without reading every record of the object.
 * Both databases answer the same way: the index only proposes candidates, and the exact search
 * condition of lib/records/sql.ts (over the fields visible to the reader, and nothing else)
 * decides, so a hidden field can never make a record match, whatever the index holds.
 *
 * PostgreSQL: one pg_trgm GIN index per searchable field name, on the very expression the search
 * compares (`("data"::jsonb ->> 'city')`), partial on live records like the other record indexes;
 * ILIKE '%term%' on that expression is an index scan for terms of three characters or more, and
 * the planner ORs the visible fields' indexes. Custom text fields get theirs in the transaction
 * that adds them, as their expression indexes (lib/records/indexes.ts).
 *
 * SQLite: an FTS5 table with the trigram tokenizer (case-insensitive) holding, per record, the
 * text values of its data joined by newlines, kept in step by triggers on Record (every writer:
 * the app, the seed, the benchmarks' bulk inserts, a sqlite3 shell); `RecordSearchRow` gives each
 * record a stable integer row id for it. A new field's values are indexed from its first write:
 * nothing to build when it is added. The search asks FTS5 for at most CANDIDATE_LIMIT record ids
 * first; when the term is that rare, the page reads only those, otherwise (a frequent term) it
 * reads the object in page order and stops at a page of matches, as fast either way.
 */
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/types";
import { queryRows } from "@/lib/db/hot-path";
import { isInlineJsonKey, postgresDialect, type SqlDialect } from "@/lib/db/sql-dialect";
import { STANDARD_OBJECTS } from "@/lib/metadata/standard-objects";

/** Field types whose values are words a person would search for (lib/records/list.ts searches these). */
export const SEARCHABLE_TYPES: ReadonlySet<string> = new Set(["TEXT", "EMAIL", "PHONE", "RICH_TEXT"]);
/** Beyond this many candidates a term is frequent: reading the object in page order is faster. */
export const CANDIDATE_LIMIT = 500;
/** Trigram indexes find terms of three characters or more; shorter ones scan (and match widely anyway). */
const MIN_INDEXED_LENGTH = 3;
const POSTGRES_MAX_IDENTIFIER = 63;

export function wantsSearchIndex(field: { name: string; type: string; isSystem?: boolean }): boolean {
  return !field.isSystem && SEARCHABLE_TYPES.has(field.type) && isInlineJsonKey(field.name);
}

/** PostgreSQL's trigram index of a field name; too long a name ends in a hash of it. */
export function postgresSearchIndexName(name: string): string {
  const prefix = "Record_trgm_";
  const full = `${prefix}${name}_idx`;
  if (full.length <= POSTGRES_MAX_IDENTIFIER) return full;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${prefix}${name.slice(0, POSTGRES_MAX_IDENTIFIER - prefix.length - "_idx".length - hash.length - 1)}_${hash}_idx`;
}

export function createPostgresSearchIndexSql(name: string): string {
  const expression = postgresDialect.inlineJsonValue(name, "text");
  if (expression === null) throw new Error(`Field name ${JSON.stringify(name)} cannot be indexed`);
  return `CREATE INDEX IF NOT EXISTS "${postgresSearchIndexName(name)}" ON "Record" USING gin (${expression} gin_trgm_ops) WHERE "deletedAt" IS NULL`;
}

export function dropPostgresSearchIndexSql(name: string): string {
  if (!isInlineJsonKey(name)) throw new Error(`Field name ${JSON.stringify(name)} cannot be indexed`);
  return `DROP INDEX IF EXISTS "${postgresSearchIndexName(name)}"`;
}

/** The searchable field names of the standard objects, sorted. */
export function standardSearchableFieldNames(): string[] {
  return [...new Set(STANDARD_OBJECTS.flatMap((object) => object.fields).filter(wantsSearchIndex).map((field) => field.name))].sort();
}

/** PostgreSQL's migration (prisma/postgres/migrations/20261207200000_record_search; a test holds the file to this list). */
export function postgresSearchMigrationSql(): string[] {
  return [`CREATE EXTENSION IF NOT EXISTS pg_trgm`, ...standardSearchableFieldNames().map(createPostgresSearchIndexSql)];
}

/** The text values of a record's data, one per line: what SQLite's search index holds for it. */
const sqliteIndexedText = (data: string) =>
  `(SELECT group_concat("value", char(10)) FROM json_each(CASE WHEN json_valid(${data}) THEN ${data} ELSE '{}' END) WHERE "type" = 'text')`;
const sqliteRowOf = (id: string) => `(SELECT "id" FROM "RecordSearchRow" WHERE "recordId" = ${id})`;

/** SQLite's migration (prisma/migrations/20261207200000_record_search; a test holds the file to this list). */
export function sqliteSearchMigrationSql(): string[] {
  return [
    `CREATE TABLE "RecordSearchRow" ("id" INTEGER NOT NULL PRIMARY KEY, "recordId" TEXT NOT NULL)`,
    `CREATE UNIQUE INDEX "RecordSearchRow_recordId_key" ON "RecordSearchRow"("recordId")`,
    `CREATE VIRTUAL TABLE "RecordSearch" USING fts5("text", content = '', contentless_delete = 1, tokenize = 'trigram')`,
    `CREATE TRIGGER "Record_search_insert" AFTER INSERT ON "Record" BEGIN
  INSERT INTO "RecordSearchRow" ("recordId") VALUES (new."id");
  INSERT INTO "RecordSearch" ("rowid", "text") VALUES (${sqliteRowOf(`new."id"`)}, ${sqliteIndexedText(`new."data"`)});
END`,
    `CREATE TRIGGER "Record_search_update" AFTER UPDATE OF "data" ON "Record" WHEN old."data" IS NOT new."data" BEGIN
  DELETE FROM "RecordSearch" WHERE "rowid" = ${sqliteRowOf(`old."id"`)};
  INSERT INTO "RecordSearch" ("rowid", "text") VALUES (${sqliteRowOf(`new."id"`)}, ${sqliteIndexedText(`new."data"`)});
END`,
    `CREATE TRIGGER "Record_search_delete" AFTER DELETE ON "Record" BEGIN
  DELETE FROM "RecordSearch" WHERE "rowid" = ${sqliteRowOf(`old."id"`)};
  DELETE FROM "RecordSearchRow" WHERE "recordId" = old."id";
END`,
    `INSERT INTO "RecordSearchRow" ("recordId") SELECT "id" FROM "Record" ORDER BY "createdAt", "id"`,
    `INSERT INTO "RecordSearch" ("rowid", "text") SELECT s."id", ${sqliteIndexedText(`r."data"`)} FROM "RecordSearchRow" s JOIN "Record" r ON r."id" = s."recordId"`,
  ];
}

/** In the transaction that adds the field (PostgreSQL; SQLite indexes every text value already). */
export async function ensureSearchIndex(tx: Tx, dialect: SqlDialect, field: { name: string; type: string }): Promise<void> {
  if (dialect.name === "postgresql" && wantsSearchIndex(field)) await tx.$executeRawUnsafe(createPostgresSearchIndexSql(field.name));
}

/** Whether SQLite's trigram index can propose candidates for this term. */
function sqliteIndexable(term: string): boolean {
  return [...term].length >= MIN_INDEXED_LENGTH && !/[\n\r]/.test(term);
}

/**
 * SQLite: the ids of the records whose text values may contain `term` (a superset: the exact
 * condition still decides), or null when the term is too short for the index or too frequent for
 * candidates to pay off. PostgreSQL's planner uses its trigram indexes by itself: always null.
 */
export async function searchCandidates(db: Tx, dialect: SqlDialect, term: string): Promise<string[] | null> {
  if (dialect.name !== "sqlite" || !sqliteIndexable(term)) return null;
  const rows = await queryRows<{ id: string }>(
    db,
    `SELECT s."recordId" AS "id" FROM "RecordSearch" f JOIN "RecordSearchRow" s ON s."id" = f."rowid" WHERE "RecordSearch" MATCH ? LIMIT ?`,
    [`"${term.replace(/"/g, '""')}"`, CANDIDATE_LIMIT + 1],
  );
  return rows.length > CANDIDATE_LIMIT ? null : rows.map((row) => row.id);
}
