/**
 * Expression indexes over the JSON `data` of records, so that a filter or sort on any field is an
 * index range scan rather than a scan of every record of the object.
 *
 * A database only uses an expression index when the query contains the very same expression, key
 * included, as literal text: a bound `json_extract("data", ?)` or `->> $1` never matches one. So
 * the value of a data field is written into the SQL text (`inlineJsonValue` of lib/db/sql-dialect.ts),
 * and only for names that pass a strict pattern (field keys are `^[a-z][A-Za-z0-9]*$`, see
 * lib/metadata/fields.ts); any other name stays a bound parameter (correct, just unindexed).
 *
 * Key order: object, live/trashed, value, then creation date and id — the order a list asks for
 * (`ORDER BY value, createdAt, id`), so an equality filter with the default sort and a sort on
 * the field with its keyset cursor both read exactly one page of the index.
 *
 * SQLite: one index per field name, shared by every object that has a field of that name (rows of
 * other objects hold NULL there and cost one small entry each); json_extract types values itself.
 *
 * PostgreSQL differs in three ways, each needed for the planner to read pages off the index:
 * - one index per (name, kind): the expression types the value by the field's kind (text, number,
 *   boolean), and two objects may give one name two kinds;
 * - partial on live records (`WHERE "deletedAt" IS NULL`) instead of a deletedAt key: PostgreSQL
 *   treats `IS NULL` as a filter, not as a fixed key column, so with deletedAt in the key it would
 *   not see the index as ordered by value and would sort every row. The trash (few rows) is sorted.
 * - NULLS FIRST on the ordered keys: the dialect orders NULLs first ascending (as SQLite does) and
 *   an index scans in one NULL order, forwards or backwards (DESC NULLS LAST is the backward scan).
 * The column sorts (createdAt, updatedAt, id, the default list) get live-record indexes of the
 * same shape for the same reasons; SQLite's Prisma-declared composite indexes serve them there.
 * Text keys compare under the database's default collation in the index, ORDER BY and the keyset
 * comparisons alike (none names a COLLATE), so cursors agree with the page order.
 */
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/prisma";
import { dialectOf, isInlineJsonKey, jsonValueKind, postgresDialect, sqliteDialect, type JsonValueKind, type SqlDialect } from "@/lib/db/sql-dialect";
import { STANDARD_OBJECTS } from "@/lib/metadata/standard-objects";
import { dropPostgresSearchIndexSql, ensureSearchIndex, wantsSearchIndex } from "./search-index";

/** Long text is searched, never compared or sorted: an index would only cost writes. */
const UNINDEXED_TYPES = new Set(["RICH_TEXT"]);
const KINDS: readonly JsonValueKind[] = ["text", "number", "boolean"];
/** PostgreSQL truncates longer identifiers, which could make two index names one. */
const POSTGRES_MAX_IDENTIFIER = 63;

export const isIndexableFieldName = isInlineJsonKey;

/** SQLite's index of a field name. */
export function recordIndexName(name: string): string {
  return `Record_data_${name}_idx`;
}

/**
 * PostgreSQL's index of a (name, kind): text keeps SQLite's name; the other kinds have their own
 * prefix (no name can make one kind's name another's). Too long a name ends in a hash of it.
 */
export function postgresRecordIndexName(name: string, kind: JsonValueKind): string {
  const prefix = kind === "text" ? "Record_data_" : kind === "number" ? "Record_num_" : "Record_bool_";
  const full = `${prefix}${name}_idx`;
  if (full.length <= POSTGRES_MAX_IDENTIFIER) return full;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${prefix}${name.slice(0, POSTGRES_MAX_IDENTIFIER - prefix.length - "_idx".length - hash.length - 1)}_${hash}_idx`;
}

function indexableExpression(name: string, kind: JsonValueKind, dialect: SqlDialect): string {
  const expression = dialect.inlineJsonValue(name, kind);
  if (expression === null) throw new Error(`Field name ${JSON.stringify(name)} cannot be indexed`);
  return expression;
}

export function createRecordIndexSql(name: string, kind: JsonValueKind = "text", dialect: SqlDialect = sqliteDialect): string {
  const expression = indexableExpression(name, kind, dialect);
  if (dialect.name === "sqlite") {
    return `CREATE INDEX IF NOT EXISTS "${recordIndexName(name)}" ON "Record"("objectMetadataId", "deletedAt", ${expression}, "createdAt", "id")`;
  }
  return `CREATE INDEX IF NOT EXISTS "${postgresRecordIndexName(name, kind)}" ON "Record"("objectMetadataId", ${expression} NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL`;
}

export function dropRecordIndexSql(name: string, kind: JsonValueKind = "text", dialect: SqlDialect = sqliteDialect): string {
  if (!isIndexableFieldName(name)) throw new Error(`Field name ${JSON.stringify(name)} cannot be indexed`);
  return `DROP INDEX IF EXISTS "${dialect.name === "sqlite" ? recordIndexName(name) : postgresRecordIndexName(name, kind)}"`;
}

/** PostgreSQL's live-record indexes of the column sorts (see the header). */
export const POSTGRES_COLUMN_INDEXES_SQL: readonly string[] = [
  `CREATE INDEX IF NOT EXISTS "Record_live_createdAt_idx" ON "Record"("objectMetadataId", "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL`,
  `CREATE INDEX IF NOT EXISTS "Record_live_updatedAt_idx" ON "Record"("objectMetadataId", "updatedAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL`,
  `CREATE INDEX IF NOT EXISTS "Record_live_id_idx" ON "Record"("objectMetadataId", "id" NULLS FIRST) WHERE "deletedAt" IS NULL`,
];

/** Whether a field of this type gets an index when it is created. */
export function wantsIndex(field: { name: string; type: string; isSystem?: boolean }): boolean {
  return !field.isSystem && !UNINDEXED_TYPES.has(field.type) && isIndexableFieldName(field.name);
}

/** The (name, kind) pairs of the standard objects' indexed fields, sorted by name. */
export function standardIndexedFields(): { name: string; kind: JsonValueKind }[] {
  const pairs = new Map<string, { name: string; kind: JsonValueKind }>();
  for (const field of STANDARD_OBJECTS.flatMap((object) => object.fields).filter(wantsIndex)) {
    const kind = jsonValueKind(field.type);
    pairs.set(`${field.name}:${kind}`, { name: field.name, kind });
  }
  return [...pairs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : 1));
}

/** The field names of the standard objects that are indexed (created by the migration that introduced them). */
export function standardIndexedFieldNames(): string[] {
  return [...new Set(standardIndexedFields().map((field) => field.name))];
}

/**
 * The statements of PostgreSQL's migration for the standard fields and column sorts
 * (prisma/postgres/migrations/20261128210001_record_indexes_postgres, hand-written beside the
 * generated history; a test holds the file to this list).
 */
export function postgresStandardIndexesSql(): string[] {
  return [...POSTGRES_COLUMN_INDEXES_SQL, ...standardIndexedFields().map((field) => createRecordIndexSql(field.name, field.kind, postgresDialect))];
}

/** In the transaction that adds the field: the index exists before any record can hold a value. */
export async function ensureRecordIndex(tx: Tx, field: { name: string; type: string }): Promise<void> {
  // Not CONCURRENTLY (impossible in a transaction): on PostgreSQL, writes to Record wait for the build.
  const dialect = dialectOf(tx);
  if (wantsIndex(field)) await tx.$executeRawUnsafe(createRecordIndexSql(field.name, jsonValueKind(field.type), dialect));
  // Search finds the new field's values through an index from its first record on, too.
  await ensureSearchIndex(tx, dialect, field);
}

/**
 * When a field is removed: drop its index unless another object of any workspace still has a
 * field of that name (the index is per name, not per object; on PostgreSQL per name and kind).
 */
export async function dropRecordIndexIfUnused(tx: Tx, name: string): Promise<void> {
  if (!isIndexableFieldName(name)) return;
  const dialect = dialectOf(tx);
  const standard = standardIndexedFields().filter((field) => field.name === name);
  const remaining = await tx.fieldMetadata.findMany({ where: { name }, select: { type: true } });
  if (dialect.name === "sqlite") {
    if (standard.length === 0 && remaining.length === 0) await tx.$executeRawUnsafe(dropRecordIndexSql(name));
    return;
  }
  const kept = new Set([...standard.map((field) => field.kind), ...remaining.map((field) => jsonValueKind(field.type))]);
  for (const kind of KINDS) if (!kept.has(kind)) await tx.$executeRawUnsafe(dropRecordIndexSql(name, kind, dialect));
  const searched = [...STANDARD_OBJECTS.flatMap((object) => object.fields), ...remaining.map((field) => ({ name, type: field.type }))].some((field) => field.name === name && wantsSearchIndex(field));
  if (!searched) await tx.$executeRawUnsafe(dropPostgresSearchIndexSql(name));
}
