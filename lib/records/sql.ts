/**
 * Every SQL statement of the records domain, for SQLite (the embedded default) and PostgreSQL:
 * where the two differ (`json_extract` → `data->>…`, LIKE → ILIKE, NULL order, placeholders) the
 * text comes from the client's dialect (lib/sql-dialect.ts). Identifiers are never built from user input: field names reach here only after being
 * looked up in the object's metadata, and even then travel as bound JSON-path parameters.
 */
import type { Tx } from "@/lib/db";
import { dialectOf, sqliteDialect, type JsonValueKind, type SqlDialect } from "@/lib/sql-dialect";
import type { RecordPredicate } from "@/lib/permissions";
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
  /** Keyset position: rows strictly after (sort value, id) in the sort order. */
  readonly after?: { readonly value: SqlValue; readonly id: string };
  readonly limit: number;
}

export interface RecordPageRow extends RecordRow {
  /** The row's sort value as the database compares it; goes into the next page's cursor. */
  readonly sortValue: SqlValue;
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

function jsonKind(field: RecordField): JsonValueKind {
  if (field.type === "NUMBER" || field.type === "CURRENCY") return "number";
  return field.type === "BOOLEAN" ? "boolean" : "text";
}

/** The SQL expression holding a field's value. */
function valueOf(field: RecordField, d: SqlDialect): Sql {
  const column = columnOf(field);
  if (column) return sql(column);
  const json = d.jsonValue(jsonKind(field));
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
      return sql(d.contains(value.text), ...value.params, escapeLike(condition.value));
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
      return sql(`(${isText.text} AND ${d.contains(v)})`, ...isText.params, ...p, escapeLike(predicate.value));
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

function searchSql(search: NonNullable<RecordPageQuery["search"]>, d: SqlDialect): Sql {
  if (search.fields.length === 0) return sql(d.false);
  const pattern = escapeLike(search.term);
  const matches = search.fields.map((field) => {
    const value = valueOf(field, d);
    return sql(d.contains(value.text), ...value.params, pattern);
  });
  const anyMatch = join(matches, " OR ");
  return sql(`(${anyMatch.text})`, ...anyMatch.params);
}

/**
 * Keyset condition after (v, id). SQLite sorts NULL first ascending and last descending;
 * the id breaks ties in the same direction, so every row has exactly one position.
 */
function afterSql(sort: RecordPageQuery["sort"], after: NonNullable<RecordPageQuery["after"]>, d: SqlDialect): Sql {
  const value = valueOf(sort.field, d);
  const v = value.text;
  const p = value.params;
  if (sort.direction === "asc") {
    return after.value === null
      ? sql(`((${v} IS NULL AND "id" > ?) OR ${v} IS NOT NULL)`, ...p, after.id, ...p)
      : sql(`(${v} > ? OR (${v} = ? AND "id" > ?))`, ...p, after.value, ...p, after.value, after.id);
  }
  return after.value === null
    ? sql(`(${v} IS NULL AND "id" < ?)`, ...p, after.id)
    : sql(`(${v} < ? OR (${v} = ? AND "id" < ?) OR ${v} IS NULL)`, ...p, after.value, ...p, after.value, after.id, ...p);
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

/** How many live (not trashed) records of an object, within a record-level scope when given. */
export async function countRecords(db: Tx, query: Pick<RecordPageQuery, "workspaceId" | "objectId" | "scope">): Promise<number> {
  const d = dialectOf(db);
  const where: Sql[] = [sql(`"workspaceId" = ?`, query.workspaceId), sql(`"objectMetadataId" = ?`, query.objectId), trashSql("exclude", d)];
  if (query.scope) where.push(predicateSql(query.scope.predicate, query.scope.fields, d));
  const whereSql = join(where, " AND ");
  const [row] = await db.$queryRawUnsafe<{ count: number | bigint }[]>(d.placeholders(`SELECT COUNT(*) AS "count" FROM "Record" WHERE ${whereSql.text}`), ...whereSql.params);
  return Number(row?.count ?? 0);
}

/** One page of records in sort order; ask for one row more than you show to learn if more follow. */
export async function selectRecordPage(db: Tx, query: RecordPageQuery): Promise<RecordPageRow[]> {
  const d = dialectOf(db);
  const where: Sql[] = [sql(`"workspaceId" = ?`, query.workspaceId), sql(`"objectMetadataId" = ?`, query.objectId), trashSql(query.trash, d)];
  if (query.scope) where.push(predicateSql(query.scope.predicate, query.scope.fields, d));
  for (const condition of query.conditions) where.push(conditionSql(condition, d));
  if (query.search) where.push(searchSql(query.search, d));
  if (query.after) where.push(afterSql(query.sort, query.after, d));

  const direction = query.sort.direction === "asc" ? "ASC" : "DESC";
  // A column sorts by itself (indexed); a JSON value by the selected alias, extracted once per row.
  const sortOrder = columnOf(query.sort.field) ?? `"sortValue"`;
  const sortKey = sortKeySql(query.sort.field, d);
  const whereSql = join(where, " AND ");
  const statement = join(
    [
      sql(`SELECT "id", "data", "createdAt", "updatedAt", "deletedAt", ${sortKey.text} AS "sortValue" FROM "Record"`, ...sortKey.params),
      sql(`WHERE ${whereSql.text}`, ...whereSql.params),
      sql(`ORDER BY ${d.orderBy(sortOrder, direction)}, "id" ${direction} LIMIT ?`, query.limit),
    ],
    " ",
  );
  const rows = await db.$queryRawUnsafe<(RecordRow & { sortValue: SqlValue | bigint | object })[]>(d.placeholders(statement.text), ...statement.params);
  // The driver returns SQLite integers as bigint (PostgreSQL numerics as decimals); JSON (the cursor) needs numbers.
  const numeric = jsonKind(query.sort.field) !== "text" && !columnOf(query.sort.field);
  return rows.map((row) =>
    (typeof row.sortValue === "bigint" || (numeric && row.sortValue !== null && typeof row.sortValue !== "number") ? { ...row, sortValue: Number(row.sortValue) } : row) as RecordPageRow,
  );
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
  const rows = await db.$queryRawUnsafe<ObjectFieldRow[]>(
    dialectOf(db).placeholders(`SELECT o."id" AS "objectId", o."nameSingular", o."namePlural", o."labelSingular", o."labelPlural", o."isCustom",
            f."name" AS "fieldName", f."label" AS "fieldLabel", f."type" AS "fieldType", f."options" AS "fieldOptions", f."isLabel", f."isSystem"
     FROM "ObjectMetadata" o JOIN "FieldMetadata" f ON f."objectMetadataId" = o."id"
     WHERE o."id" = COALESCE(
       (SELECT "id" FROM "ObjectMetadata" WHERE "workspaceId" = ? AND "namePlural" = ?),
       (SELECT "id" FROM "ObjectMetadata" WHERE "workspaceId" = ? AND "nameSingular" = ?))
     ORDER BY f."position" ASC, f."name" ASC`),
    workspaceId,
    name,
    workspaceId,
    name,
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
