/**
 * The few places where the raw SQL of SQLite and PostgreSQL must differ (SPEC §15), written once
 * per dialect. The records queries (lib/records/sql.ts) and the rate limit consult the dialect of
 * the client they run on; the SQLite text is what it always was.
 */

import { FOLD_CASE_FUNCTION, needsUnicodeFolding } from "./sqlite-functions";

export type DialectName = "sqlite" | "postgresql";

type SqlText = { readonly text: string; readonly params: readonly (string | number | null)[] };

/** How a JSON `data` value is read: the field's type decides how PostgreSQL types it. */
export type JsonValueKind = "number" | "boolean" | "text";

/** The kind of a field type's values in `data` (lib/metadata field types). */
export function jsonValueKind(type: string): JsonValueKind {
  if (type === "NUMBER" || type === "CURRENCY") return "number";
  return type === "BOOLEAN" ? "boolean" : "text";
}

export interface SqlDialect {
  readonly name: DialectName;
  /** Constant truth values usable as a whole condition. */
  readonly true: string;
  readonly false: string;
  /** The value of `key` in the JSON text column `data`, as comparisons see it; `?` takes the key or path. */
  jsonValue(kind: JsonValueKind): { readonly text: string; readonly param: (key: string) => string; readonly uses: number };
  /**
   * Case-insensitive "contains" as record-level rules judge it, folding case by Unicode rules
   * whatever the term holds (as the engine's in-memory evaluation does): the text (one `?`, the
   * escaped LIKE pattern of the returned `term`).
   */
  contains(expression: string, term: string): { readonly text: string; readonly term: string };
  /**
   * A searched term (search, `like` filters): the text (one `?`, the escaped LIKE pattern of the
   * returned `term`) folding case by Unicode rules whatever the term holds.
   */
  search(expression: string, term: string): { readonly text: string; readonly term: string };
  /**
   * A data value with its key written into the text: the exact expression of its index
   * (lib/records/indexes.ts), which a database only matches when the query holds the same text.
   * Null for a key unsafe to write into SQL: it stays a bound parameter (correct, unindexed).
   */
  inlineJsonValue(key: string, kind: JsonValueKind): string | null;
  /**
   * True when a value holds text (`contains` applies to text only, as the in-memory evaluation
   * does): `value` is the value's expression, `jsonKey` its key in `data` (null for a column).
   */
  isText(value: SqlText, jsonKey: string | null): SqlText;
  /** ORDER BY term: SQLite puts NULL first ascending and last descending; PostgreSQL must be told. */
  orderBy(expression: string, direction: "ASC" | "DESC"): string;
  /** Positional parameters: SQLite takes `?`, PostgreSQL `$1…$n`. */
  placeholders(text: string): string;
  /**
   * Appended to a SELECT of rows the transaction will change (lib/db/locks.ts): PostgreSQL locks
   * them until it ends; SQLite's transaction already holds the file's write lock.
   */
  readonly lockRowForWrite: string;
}

/** Keys safe to write into SQL text (a quoted JSON path segment, an index name): field keys are `^[a-z][A-Za-z0-9]*$`. */
export function isInlineJsonKey(key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(key);
}

// Quoted path segment: dots or brackets in a name must not be read as path syntax.
function sqlitePath(key: string): string {
  if (/["\\]/.test(key)) throw new Error(`Field name ${key} cannot be used in a JSON path`);
  return `$."${key}"`;
}

const sqliteLike = (expression: string) => `${expression} LIKE ? ESCAPE '\\'`;
const postgresIlike = (expression: string) => `${expression}::text ILIKE ? ESCAPE '\\'`;

export const sqliteDialect: SqlDialect = {
  name: "sqlite",
  true: "1",
  false: "0",
  // json_extract turns JSON booleans into 1/0 and keeps numbers numbers: one expression for all kinds.
  jsonValue: () => ({ text: `json_extract("data", ?)`, param: sqlitePath, uses: 1 }),
  // Both sides folded, always: an ASCII term can still meet a value whose lower case is ASCII (K, the Kelvin sign).
  contains: (expression, term) => ({ text: sqliteLike(`${FOLD_CASE_FUNCTION}(${expression})`), term: term.toLowerCase() }),
  // LIKE folds ASCII only: a term with other letters compares both sides lower-cased by Unicode
  // rules (a function registered on every connection, lib/db/sqlite-functions.ts).
  search: (expression, term) =>
    needsUnicodeFolding(term)
      ? { text: sqliteLike(`${FOLD_CASE_FUNCTION}(${expression})`), term: term.toLowerCase() }
      : { text: sqliteLike(expression), term },
  // The exact text of the expression indexes of lib/records/indexes.ts.
  inlineJsonValue: (key) => (isInlineJsonKey(key) ? `json_extract("data", '$."${key}"')` : null),
  isText: (value) => ({ text: `typeof(${value.text}) = 'text'`, params: value.params }),
  orderBy: (expression, direction) => `${expression} ${direction}`,
  placeholders: (text) => text,
  lockRowForWrite: "",
};

const identity = (key: string) => key;

/** PostgreSQL's value of `key` with the key as a literal: jsonValue's very text, so both read values alike. */
function postgresInlineJsonValue(key: string, kind: JsonValueKind): string | null {
  if (!isInlineJsonKey(key)) return null;
  // The key pattern admits no quote: the literal needs no escaping.
  return postgresDialect.jsonValue(kind).text.replace(/\?/g, `'${key}'`);
}

export const postgresDialect: SqlDialect = {
  name: "postgresql",
  true: "TRUE",
  false: "FALSE",
  // `data` is text (one schema for both providers); ->> gives text, so numbers and booleans are
  // typed back the way SQLite's json_extract hands them to a comparison (booleans as 1/0).
  jsonValue(kind) {
    switch (kind) {
      case "number":
        return { text: `(CASE WHEN jsonb_typeof("data"::jsonb -> ?) = 'number' THEN ("data"::jsonb ->> ?)::numeric END)`, param: identity, uses: 2 };
      case "boolean":
        return { text: `(CASE ("data"::jsonb ->> ?) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`, param: identity, uses: 1 };
      default:
        return { text: `("data"::jsonb ->> ?)`, param: identity, uses: 1 };
    }
  },
  // ILIKE folds case beyond ASCII (É = é) under a UTF-8 locale.
  contains: (expression, term) => ({ text: postgresIlike(expression), term }),
  search: (expression, term) => ({ text: postgresIlike(expression), term }),
  // Expression indexes per (name, kind): the kind decides the expression (lib/records/indexes.ts).
  inlineJsonValue: (key, kind) => postgresInlineJsonValue(key, kind),
  // Columns reachable by a rule (id, createdAt, updatedAt) are text or timestamps, read as text.
  isText: (_value, jsonKey) => (jsonKey === null ? { text: "TRUE", params: [] } : { text: `jsonb_typeof("data"::jsonb -> ?) = 'string'`, params: [jsonKey] }),
  orderBy: (expression, direction) => `${expression} ${direction} ${direction === "ASC" ? "NULLS FIRST" : "NULLS LAST"}`,
  placeholders(text) {
    let index = 0;
    return text.replace(/\?/g, () => `$${++index}`);
  },
  lockRowForWrite: " FOR NO KEY UPDATE",
};

/** `postgresql://…` (or `postgres://…`) selects PostgreSQL; anything else is a SQLite file (SPEC §15). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function dialectForUrl(url: string): SqlDialect {
  return isPostgresUrl(url) ? postgresDialect : sqliteDialect;
}

/** The dialect of a Prisma client or transaction (each generated client knows its provider). */
export function dialectOf(client: unknown): SqlDialect {
  const provider = (client as { _activeProvider?: string } | null)?._activeProvider;
  return provider === "postgresql" || provider === "postgres" ? postgresDialect : sqliteDialect;
}
