/**
 * Expression indexes over the JSON `data` of records, so that a filter or sort on any field is an
 * index range scan rather than a scan of every record of the object.
 *
 * SQLite only uses an expression index when the query contains the very same expression, path
 * included, as literal text: a bound `json_extract("data", ?)` never matches one. So the value of
 * a data field is written into the SQL text here, and only for names that pass a strict pattern
 * (field keys are `^[a-z][A-Za-z0-9]*$`, see lib/metadata/fields.ts); any other name stays a bound
 * parameter (correct, just unindexed). One index per field name, shared by every object that has a
 * field of that name: rows of other objects hold NULL there and cost one small entry each.
 *
 * Key order: object, live/trashed, value, then creation date and id — the order a list asks for
 * (`ORDER BY value, createdAt, id`), so an equality filter with the default sort and a sort on
 * the field with its keyset cursor both read exactly one page of the index.
 */
import type { Tx } from "@/lib/db";
import { dialectOf, isInlineJsonKey, sqliteDialect } from "@/lib/sql-dialect";
import { STANDARD_OBJECTS } from "@/lib/metadata/standard-objects";

/** Long text is searched, never compared or sorted: an index would only cost writes. */
const UNINDEXED_TYPES = new Set(["RICH_TEXT"]);

export const isIndexableFieldName = isInlineJsonKey;

export function recordIndexName(name: string): string {
  return `Record_data_${name}_idx`;
}

export function createRecordIndexSql(name: string): string {
  const expression = sqliteDialect.inlineJsonValue(name);
  if (expression === null) throw new Error(`Field name ${JSON.stringify(name)} cannot be indexed`);
  return `CREATE INDEX IF NOT EXISTS "${recordIndexName(name)}" ON "Record"("objectMetadataId", "deletedAt", ${expression}, "createdAt", "id")`;
}

export function dropRecordIndexSql(name: string): string {
  if (!isIndexableFieldName(name)) throw new Error(`Field name ${JSON.stringify(name)} cannot be indexed`);
  return `DROP INDEX IF EXISTS "${recordIndexName(name)}"`;
}

/** Whether a field of this type gets an index when it is created. */
export function wantsIndex(field: { name: string; type: string; isSystem?: boolean }): boolean {
  return !field.isSystem && !UNINDEXED_TYPES.has(field.type) && isIndexableFieldName(field.name);
}

/** The field names of the standard objects that are indexed (created by the migration that introduced them). */
export function standardIndexedFieldNames(): string[] {
  return [...new Set(STANDARD_OBJECTS.flatMap((object) => object.fields).filter(wantsIndex).map((field) => field.name))].sort();
}

/** In the transaction that adds the field: the index exists before any record can hold a value. */
export async function ensureRecordIndex(tx: Tx, field: { name: string; type: string }): Promise<void> {
  // SQLite only: PostgreSQL's queries bind the JSON key, which no expression index would match.
  if (dialectOf(tx).name !== "sqlite") return;
  if (wantsIndex(field)) await tx.$executeRawUnsafe(createRecordIndexSql(field.name));
}

/**
 * When a field is removed: drop its index unless another object of any workspace still has a
 * field of that name (the index is per name, not per object).
 */
export async function dropRecordIndexIfUnused(tx: Tx, name: string): Promise<void> {
  if (dialectOf(tx).name !== "sqlite" || !isIndexableFieldName(name) || standardIndexedFieldNames().includes(name)) return;
  const stillUsed = await tx.fieldMetadata.count({ where: { name } });
  if (stillUsed === 0) await tx.$executeRawUnsafe(dropRecordIndexSql(name));
}
