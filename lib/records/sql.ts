/**
 * Every SQL statement of the records domain, for SQLite (the embedded default) and PostgreSQL:
 * where the two differ (`json_extract` → `data->>…`, LIKE → ILIKE, NULL order, placeholders) the
 * text comes from the client's dialect (lib/db/sql-dialect.ts). Identifiers are never built from user
 * input: field names reach here only after being looked up in the object's metadata; a JSON key
 * is written into the text only when the name passes the dialect's strict pattern (so
 * expression indexes apply, on both databases), bound otherwise.
 */
import type { Tx } from "@/lib/db/prisma";
import { queryRows, toDate } from "@/lib/db/hot-path";
import { dialectOf, jsonValueKind, sqliteDialect, type SqlDialect } from "@/lib/db/sql-dialect";
import type { RecordPredicate } from "@/lib/permissions";
import { searchCandidates } from "./search-index";
import type { ObjectMetadataLike, RecordField } from "./objects";
import type { RecordRow } from "./serialize";

export type SqlValue = string | number | null;
/** A typed filter operand; this module encodes it the way the database stores it. */
export type Operand = string | number | boolean | Date;

export type Comparison = "eq" | "neq" | "gt" | "gte" | "lt" | "lte";

export type SqlCondition =
  | { readonly field: RecordField; readonly op: Comparison; readonly value: Operand }
  | { readonly field: RecordField; readonly op: "like"; readonly value: string }
  | { readonly field: RecordField; readonly op: "in"; readonly values: readonly Operand[] }
  | { readonly field: RecordField; readonly op: "is"; readonly value: "NULL" | "NOT_NULL" };

export type SortDirection = "asc" | "desc";
export type TrashScope = "exclude" | "include" | "only";

export interface RecordPageQuery {
  readonly workspaceId: string;
  readonly objectId: string;
  readonly trash: TrashScope;
  readonly conditions: readonly SqlCondition[];
  /** The principal's record-level rule (SPEC §13): rows outside it do not exist for the query. */
  readonly scope?: { readonly predicate: RecordPredicate; readonly fields: ReadonlyMap<string, RecordField> };
  /** Case-insensitive "contains" over these fields, any of them matching. */
  readonly search?: { readonly fields: readonly RecordField[]; readonly term: string };
  readonly sort: { readonly field: RecordField; readonly direction: SortDirection };
  /** Keyset position: rows strictly after (sort value, [creation date,] id) in the sort order. */
  readonly after?: { readonly value: SqlValue; readonly id: string; readonly at?: string };
  readonly limit: number;
}

/** The columns of a record row, as `toRecordRow` reads them. */
export const RECORD_ROW_COLUMNS = `"id", "data", "createdAt", "updatedAt", "deletedAt"`;

/** A row as a driver hands it back: dates as Date objects or as ISO text, depending on the path. */
export type RawRecordRow = { id: string; data: string; createdAt: Date | string; updatedAt: Date | string; deletedAt: Date | string | null };

export function toRecordRow(row: RawRecordRow): RecordRow {
  return { id: row.id, data: row.data, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt), deletedAt: toDate(row.deletedAt) };
}

export interface RecordPageRow extends RecordRow {
  /** The row's sort value as the database compares it; goes into the next page's cursor. */
  readonly sortValue: SqlValue;
  /** On a data-field sort, the creation date as stored: ties on the value are broken by it, then by id. */
  readonly tieValue?: string;
}

interface Sql {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

const sql = (text: string, ...params: SqlValue[]): Sql => ({ text, params });

function join(parts: readonly Sql[], separator: string): Sql {
  return { text: parts.map((part) => part.text).join(separator), params: parts.flatMap((part) => part.params) };
}

// System fields live in columns of the Record table; everything else in its JSON `data`.
const COLUMNS = new Map<string, string>([
  ["id", `"id"`],
  ["createdAt", `"createdAt"`],
  ["updatedAt", `"updatedAt"`],
]);

function columnOf(field: RecordField): string | undefined {
  return field.isSystem ? COLUMNS.get(field.name) : undefined;
}

/** The SQL expression holding a field's value: a literal key where it can, so an expression index can match it. */
function valueOf(field: RecordField, d: SqlDialect): Sql {
  const column = columnOf(field);
  if (column) return sql(column);
  const inline = d.inlineJsonValue(field.name, jsonValueKind(field.type));
  if (inline) return sql(inline);
  const json = d.jsonValue(jsonValueKind(field.type));
  return sql(json.text, ...Array<string>(json.uses).fill(json.param(field.name)));
}

/**
 * Prisma's SQLite adapter stores DateTime columns as text `2026-01-05T09:00:00.000+00:00`;
 * DATE_TIME values in `data` are stored as `toISOString()` (see values.ts). Both compare as text.
 */
function encode(field: RecordField, value: Operand): SqlValue {
  if (typeof value === "boolean") return value ? 1 : 0; // json_extract turns JSON booleans into 1/0
  if (value instanceof Date) {
    const iso = value.toISOString();
    return columnOf(field) ? iso.replace("Z", "+00:00") : iso;
  }
  return value;
}

function escapeLike(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const COMPARATORS: Record<Exclude<Comparison, "neq">, string> = { eq: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" };

function conditionSql(condition: SqlCondition, d: SqlDialect): Sql {
  const value = valueOf(condition.field, d);
  switch (condition.op) {
    case "is":
      return sql(`${value.text} IS ${condition.value === "NULL" ? "NULL" : "NOT NULL"}`, ...value.params);
    case "like":
      return containsSql(value, condition.value, d);
    case "in": {
      const placeholders = condition.values.map(() => "?").join(", ");
      return sql(`${value.text} IN (${placeholders})`, ...value.params, ...condition.values.map((v) => encode(condition.field, v)));
    }
    case "neq":
      // An empty value differs from any given value: without this, `neq` would drop empty records.
      return sql(`(${value.text} IS NULL OR ${value.text} <> ?)`, ...value.params, ...value.params, encode(condition.field, condition.value));
    default:
      return sql(`${value.text} ${COMPARATORS[condition.op]} ?`, ...value.params, encode(condition.field, condition.value));
  }
}

/** A data field the records domain does not know (a stale rule): still read from `data`, never a column. */
function scopeField(fields: ReadonlyMap<string, RecordField>, name: string): RecordField {
  return fields.get(name) ?? { name, label: name, type: "TEXT", isLabel: false, isSystem: false };
}

/**
 * The engine's record-level predicate as SQL, with the same semantics as its in-memory
 * evaluation (lib/permissions/record-rule.ts): empty = absent or '', `neq` keeps empty values,
 * `contains` only on text values (LIKE would otherwise match numbers as text). Values are bound.
 */
export function predicateSql(predicate: RecordPredicate, fields: ReadonlyMap<string, RecordField>, d: SqlDialect = sqliteDialect): Sql {
  switch (predicate.kind) {
    case "const":
      return sql(predicate.value ? d.true : d.false);
    case "and":
    case "or": {
      if (predicate.parts.length === 0) return sql(predicate.kind === "and" ? d.true : d.false);
      const joined = join(predicate.parts.map((part) => predicateSql(part, fields, d)), predicate.kind === "and" ? " AND " : " OR ");
      return sql(`(${joined.text})`, ...joined.params);
    }
  }
  const field = scopeField(fields, predicate.field);
  const value = valueOf(field, d);
  const v = value.text;
  const p = value.params;
  switch (predicate.kind) {
    case "isEmpty":
      return sql(`(${v} IS NULL OR ${v} = '')`, ...p, ...p);
    case "isNotEmpty":
      return sql(`(${v} IS NOT NULL AND ${v} <> '')`, ...p, ...p);
    case "contains": {
      const isText = d.isText(value, columnOf(field) ? null : field.name);
      const contains = d.contains(v, predicate.value);
      return sql(`(${isText.text} AND ${contains.text})`, ...isText.params, ...p, escapeLike(contains.term));
    }
    case "in": {
      if (predicate.values.length === 0) return sql(d.false);
      const placeholders = predicate.values.map(() => "?").join(", ");
      return sql(`${v} IN (${placeholders})`, ...p, ...predicate.values);
    }
    case "neq":
      return sql(`(${v} IS NULL OR ${v} <> ?)`, ...p, ...p, encode(field, predicate.value));
    case "eq":
      return sql(`${v} = ?`, ...p, encode(field, predicate.value));
    case "gt":
      return sql(`${v} > ?`, ...p, encode(field, predicate.value));
    case "lt":
      return sql(`${v} < ?`, ...p, encode(field, predicate.value));
  }
}

/** A searched term: case-insensitive "contains" folding case beyond ASCII (the dialect says how). */
function containsSql(value: Sql, term: string, d: SqlDialect): Sql {
  const search = d.search(value.text, term);
  return sql(search.text, ...value.params, escapeLike(search.term));
}

/**
 * JSON text holds a string value verbatim but for quotes, backslashes, control characters and
 * lone surrogates (JSON.stringify escapes only those), so a term without any of them that a field
 * contains is also contained in the record's raw `data`.
 */
const VERBATIM_IN_JSON = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function searchSql(search: NonNullable<RecordPageQuery["search"]>, d: SqlDialect): Sql {
  if (search.fields.length === 0) return sql(d.false);
  const matches = search.fields.map((field) => containsSql(valueOf(field, d), search.term, d));
  const anyMatch = join(matches, " OR ");
  const exact = sql(`(${anyMatch.text})`, ...anyMatch.params);
  // A necessary condition first, on the raw text: most records fail it without their JSON being read once per field.
  if (!VERBATIM_IN_JSON.test(search.term) || search.fields.some((field) => columnOf(field))) return exact;
  return join([containsSql(sql(`"data"`), search.term, d), exact], " AND ");
}

/**
 * What breaks ties on the sort value, in the sort's direction: a data field's ties go by creation
 * date then id (the order of its expression index, lib/records/indexes.ts), a column's by id.
 */
function tieBreak(sort: RecordPageQuery["sort"], after?: RecordPageQuery["after"]): Sql {
  if (columnOf(sort.field)) return sql(`"id"`, ...(after ? [after.id] : []));
  if (after && after.at === undefined) throw new Error("A cursor on a data field needs its creation date");
  return sql(`"createdAt", "id"`, ...(after ? [after.at ?? null, after.id] : []));
}

/**
 * The rows after a keyset position, as one or two segments read in turn (the second only when
 * the first falls short of a page). NULL sorts first ascending and last descending (PostgreSQL is
 * told so by the dialect), and a
 * single range cannot span the NULLs and the values; each segment below is one index range:
 * `v >= x` seeks to the value, the row-value comparison settles ties (the tie-break keys follow
 * the sort's direction, so every row has exactly one position).
 */
function afterSegments(sort: RecordPageQuery["sort"], after: NonNullable<RecordPageQuery["after"]>, d: SqlDialect): Sql[] {
  const value = valueOf(sort.field, d);
  const v = value.text;
  const p = value.params;
  const tie = tieBreak(sort, after);
  const marks = tie.params.map(() => "?").join(", ");
  const asc = sort.direction === "asc";
  const op = asc ? ">" : "<";
  if (after.value === null) {
    const nullsAfter = sql(`${v} IS NULL AND (${tie.text}) ${op} (${marks})`, ...p, ...tie.params);
    return asc ? [nullsAfter, sql(`${v} IS NOT NULL`, ...p)] : [nullsAfter];
  }
  const valuesAfter = sql(`${v} ${op}= ? AND (${v} ${op} ? OR (${tie.text}) ${op} (${marks}))`, ...p, after.value, ...p, after.value, ...tie.params);
  return asc ? [valuesAfter] : [valuesAfter, sql(`${v} IS NULL`, ...p)];
}

/** What goes into the cursor: the column's stored text, not the Date the driver would return. */
function sortKeySql(field: RecordField, d: SqlDialect): Sql {
  const column = columnOf(field);
  if (column && field.type === "DATE_TIME") return sql(`CAST(${column} AS TEXT)`);
  return valueOf(field, d);
}

function trashSql(trash: TrashScope, d: SqlDialect): Sql {
  if (trash === "include") return sql(d.true);
  return sql(trash === "only" ? `"deletedAt" IS NOT NULL` : `"deletedAt" IS NULL`);
}

/** PostgreSQL search: how many records, in page order, are tested before the trigram indexes are asked (see selectRecordPage). */
const SEARCH_WINDOW = 2_000;

/** How many live (not trashed) records of an object, within a record-level scope when given. */
export async function countRecords(db: Tx, query: Pick<RecordPageQuery, "workspaceId" | "objectId" | "scope">): Promise<number> {
  const d = dialectOf(db);
  const where: Sql[] = [sql(`"workspaceId" = ?`, query.workspaceId), sql(`"objectMetadataId" = ?`, query.objectId), trashSql("exclude", d)];
  if (query.scope) where.push(predicateSql(query.scope.predicate, query.scope.fields, d));
  const whereSql = join(where, " AND ");
  const [row] = await queryRows<{ count: number | bigint }>(db, d.placeholders(`SELECT COUNT(*) AS "count" FROM "Record" WHERE ${whereSql.text}`), whereSql.params);
  return Number(row?.count ?? 0);
}

/** One page of records in sort order; ask for one row more than you show to learn if more follow. */
export async function selectRecordPage(db: Tx, query: RecordPageQuery): Promise<RecordPageRow[]> {
  const d = dialectOf(db);
  const where: Sql[] = [sql(`"workspaceId" = ?`, query.workspaceId), sql(`"objectMetadataId" = ?`, query.objectId), trashSql(query.trash, d)];
  if (query.scope) where.push(predicateSql(query.scope.predicate, query.scope.fields, d));
  for (const condition of query.conditions) where.push(conditionSql(condition, d));
  let search: Sql | null = null;
  if (query.search) {
    // SQLite, a rare term: only the records its search index proposes are read (lib/records/search-index.ts).
    const candidates = query.search.fields.length === 0 ? null : await searchCandidates(db, d, query.search.term);
    if (candidates !== null) where.push(candidates.length === 0 ? sql(d.false) : sql(`"id" IN (SELECT "value" FROM json_each(?))`, JSON.stringify(candidates)));
    search = searchSql(query.search, d);
  }

  const direction = query.sort.direction === "asc" ? "ASC" : "DESC";
  // The same expression as the index (a column, or json_extract with a literal path), so SQLite reads the page off it.
  const sortValue = valueOf(query.sort.field, d);
  const order = [sortValue.text, ...tieBreak(query.sort).text.split(", ")].map((key) => d.orderBy(key, direction)).join(", ");
  const sortKey = sortKeySql(query.sort.field, d);
  const tieValue = columnOf(query.sort.field) ? "" : `, CAST("createdAt" AS TEXT) AS "tieValue"`;
  // The driver returns SQLite integers as bigint (PostgreSQL numerics as decimals); JSON (the cursor) needs numbers.
  const numeric = jsonValueKind(query.sort.field.type) !== "text" && !columnOf(query.sort.field);

  const select = sql(`SELECT ${RECORD_ROW_COLUMNS}, ${sortKey.text} AS "sortValue"${tieValue}`, ...sortKey.params);
  const orderBy = (limit: number) => sql(`ORDER BY ${order} LIMIT ?`, ...sortValue.params, limit);
  const run = async (statement: Sql) => {
    const found = await queryRows<RawRecordRow & { sortValue: SqlValue | bigint | object; tieValue?: string }>(db, d.placeholders(statement.text), statement.params);
    return found.map((row) => {
      const sortValue = row.sortValue;
      const needsNumber = typeof sortValue === "bigint" || (numeric && sortValue !== null && typeof sortValue !== "number");
      return { ...toRecordRow(row), sortValue: needsNumber ? Number(sortValue) : sortValue, ...(row.tieValue === undefined ? {} : { tieValue: row.tieValue }) } as RecordPageRow;
    });
  };

  const rows: RecordPageRow[] = [];
  for (const segment of query.after ? afterSegments(query.sort, query.after, d) : [null]) {
    const base = join(segment ? [...where, segment] : where, " AND ");
    const wanted = query.limit - rows.length;
    let found: RecordPageRow[];
    if (search === null || d.name !== "postgresql") {
      const whereSql = search ? join([base, search], " AND ") : base;
      found = await run(join([select, sql(`FROM "Record" WHERE ${whereSql.text}`, ...whereSql.params), orderBy(wanted)], " "));
    } else {
      // PostgreSQL cannot tell a frequent term from a rare one before it runs (its estimates
      // of '%term%' are guesses), and each needs the other plan: read the first SEARCH_WINDOW
      // records in page order, which holds a page of a frequent term; when it does not, the term
      // is rare and its matches come from the trigram indexes (lib/records/search-index.ts),
      // gathered in full (MATERIALIZED: no LIMIT to tempt the planner into the ordered scan) and sorted.
      const window = sql(`FROM (SELECT * FROM "Record" WHERE ${base.text} ${orderBy(SEARCH_WINDOW).text}) AS "Record" WHERE ${search.text}`, ...base.params, ...orderBy(SEARCH_WINDOW).params, ...search.params);
      found = await run(join([select, window, orderBy(wanted)], " "));
      if (found.length < wanted) {
        const matches = sql(`WITH "matches" AS MATERIALIZED (SELECT * FROM "Record" WHERE ${base.text} AND ${search.text})`, ...base.params, ...search.params);
        found = await run(join([matches, select, sql(`FROM "matches" AS "Record"`), orderBy(wanted)], " "));
      }
    }
    rows.push(...found);
    if (rows.length >= query.limit) break;
  }
  return rows;
}

interface ObjectFieldRow {
  objectId: string;
  nameSingular: string;
  namePlural: string;
  labelSingular: string;
  labelPlural: string;
  isCustom: unknown;
  fieldName: string;
  fieldLabel: string;
  fieldType: string;
  fieldOptions: string | null;
  isLabel: unknown;
  isSystem: unknown;
}

/** SQLite hands booleans back as 0/1 (sometimes bigint); normalise whatever the driver gives. */
const truthy = (value: unknown) => value === true || value === 1 || value === 1n;

/**
 * One object with its fields, in one round trip (this runs on every request, and two ORM
 * queries cost several times one). Matches the REST name first, then the engine name.
 */
export async function selectObjectWithFields(db: Tx, workspaceId: string, name: string): Promise<ObjectMetadataLike | null> {
  const rows = await queryRows<ObjectFieldRow>(
    db,
    dialectOf(db).placeholders(`SELECT o."id" AS "objectId", o."nameSingular", o."namePlural", o."labelSingular", o."labelPlural", o."isCustom",
            f."name" AS "fieldName", f."label" AS "fieldLabel", f."type" AS "fieldType", f."options" AS "fieldOptions", f."isLabel", f."isSystem"
     FROM "ObjectMetadata" o JOIN "FieldMetadata" f ON f."objectMetadataId" = o."id"
     WHERE o."id" = COALESCE(
       (SELECT "id" FROM "ObjectMetadata" WHERE "workspaceId" = ? AND "namePlural" = ?),
       (SELECT "id" FROM "ObjectMetadata" WHERE "workspaceId" = ? AND "nameSingular" = ?))
     ORDER BY f."position" ASC, f."name" ASC`),
    [workspaceId, name, workspaceId, name],
  );
  if (rows.length === 0) return null;
  const [first] = rows;
  return {
    id: first.objectId,
    nameSingular: first.nameSingular,
    namePlural: first.namePlural,
    labelSingular: first.labelSingular,
    labelPlural: first.labelPlural,
    isCustom: truthy(first.isCustom),
    fields: rows.map((row) => ({
      name: row.fieldName,
      label: row.fieldLabel,
      type: row.fieldType,
      options: row.fieldOptions,
      isLabel: truthy(row.isLabel),
      isSystem: truthy(row.isSystem),
    })),
  };
}
