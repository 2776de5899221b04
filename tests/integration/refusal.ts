import { expect } from "vitest";
import { dialectOf } from "@/lib/db/sql-dialect";

export type ActionOutcome = { ok: boolean; errors?: { code: string; field?: string }[] };

/**
 * Asserts that an action is refused with `code` (beside `field`, when given) and that the
 * database, as `snapshot` sees it, is exactly as before: a refusal loses and changes nothing.
 */
export async function expectRefusedWithoutChange(snapshot: () => Promise<string>, call: () => Promise<ActionOutcome>, code: string, field?: string) {
  const before = await snapshot();
  const result = await call();
  expect(result.ok).toBe(false);
  expect(result.errors).toContainEqual(field ? expect.objectContaining({ code, field }) : expect.objectContaining({ code }));
  expect(await snapshot()).toBe(before);
}

interface SnapshotClient {
  $queryRawUnsafe<T>(query: string): Promise<T>;
}

/**
 * Every row of every table, in a stable order: the strongest "nothing changed" there is.
 * Columns that a read may touch on its own (an API key's `lastUsedAt`) are left out.
 */
export async function fullTableSnapshot(db: SnapshotClient): Promise<string> {
  const postgres = dialectOf(db).name === "postgresql";
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    postgres
      ? `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%' ORDER BY table_name COLLATE "C"`
      : // Search's FTS5 table and its shadow tables hold what Record holds (lib/records/search-index.ts), which is dumped.
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' AND name NOT LIKE 'RecordSearch\\_%' ESCAPE '\\' AND name <> 'RecordSearch' ORDER BY name",
  );
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    // Physical order: unchanged as long as the rows are (an update moves a PostgreSQL row, and shows anyway).
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}" ORDER BY ${postgres ? "ctid" : "rowid"}`);
    dump[name] = rows.map(({ lastUsedAt: _lastUsedAt, ...row }) => row);
  }
  return JSON.stringify(dump, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

interface RecordsClient {
  record: { findMany(args: { orderBy: { id: "asc" }; select: { id: true; data: true; deletedAt: true; updatedAt: true } }): Promise<unknown[]> };
  auditLog: { count(): Promise<number> };
  outboxMessage: { findMany(args: { orderBy: { id: "asc" } }): Promise<unknown[]> };
}

/** Everything a records action could write (records, audit entries, outbox): a refusal leaves it as it was. */
export async function recordsSnapshot(db: RecordsClient): Promise<string> {
  const [records, audit, outbox] = await Promise.all([
    db.record.findMany({ orderBy: { id: "asc" }, select: { id: true, data: true, deletedAt: true, updatedAt: true } }),
    db.auditLog.count(),
    db.outboxMessage.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ records, audit, outbox });
}

export type RecordsOutcome = { ok: boolean; errors?: { code: string; field?: string; params?: Record<string, string | number> }[] };
export type ExpectedError = { code: string; field?: string; params?: Record<string, unknown> };

/**
 * A records action refused as `expected` (its first error, or `among` all of them), leaving the
 * records, the audit log and the outbox untouched. Returns the errors, for further checks.
 */
export async function expectRecordsRefused(db: RecordsClient, call: () => Promise<RecordsOutcome>, expected: ExpectedError, among = false) {
  const before = await recordsSnapshot(db);
  const result = await call();
  expect(result.ok).toBe(false);
  if (among) expect(result.errors).toContainEqual(expect.objectContaining(expected));
  else expect(result.errors?.[0]).toMatchObject(expected);
  expect(await recordsSnapshot(db)).toBe(before);
  return result.errors ?? [];
}
