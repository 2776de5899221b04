/**
 * Locks a use case takes inside its transaction, on what its invariant is about (SPEC §21).
 *
 * SQLite has one writer at a time: every transaction takes the file's write lock when it begins
 * (BEGIN IMMEDIATE, ./sqlite.ts), so these are no-ops there. PostgreSQL runs transactions side by
 * side under READ COMMITTED, where a transaction that reads, decides and then writes could decide
 * on a state another one is changing; each lock below makes the second such transaction wait for
 * the first to end, and its next statement then reads what the first committed. Only transactions
 * that ask for the same row or key wait for each other: record writes of different records, or
 * the sign-ins of different emails, go side by side. A deadlock between two of them (PostgreSQL
 * aborts one) is retried by the client (./postgres.ts).
 */
import { dialectOf } from "./sql-dialect";
import type { Tx } from "./types";

/** Tables whose rows a use case locks (their primary key is the text column "id"). */
export type LockableTable = "Record" | "Role" | "Workspace";

/**
 * Row locks, until the transaction ends: `update` for rows it is about to change or whose state
 * its decision must keep (other writers and lockers wait), `share` for rows it only reads but
 * that must not change before it commits (other sharers go on). `update` is PostgreSQL's FOR NO
 * KEY UPDATE, the lock an UPDATE itself takes: inserts elsewhere whose foreign key points at the
 * row (a record's audit entry pointing at its workspace) still go on. Rows are locked in id
 * order, so two transactions locking the same set never wait for each other in a circle.
 */
export async function lockRows(tx: Tx, table: LockableTable, ids: readonly string[], mode: "update" | "share" = "update"): Promise<void> {
  if (ids.length === 0 || dialectOf(tx).name !== "postgresql") return;
  const sorted = [...new Set(ids)].sort();
  const marks = sorted.map((_, index) => `$${index + 1}`).join(", ");
  await tx.$queryRawUnsafe(`SELECT "id" FROM "${table}" WHERE "id" IN (${marks}) ORDER BY "id" FOR ${mode === "update" ? "NO KEY UPDATE" : "SHARE"}`, ...sorted);
}

/**
 * Locks on names rather than rows, until the transaction ends: for invariants about rows that may
 * not exist yet (the sign-in attempts of one email, the first workspace). Keys are namespaced
 * strings (`sign-in:email:…`), hashed to PostgreSQL's 64-bit advisory keys, taken in sorted order.
 */
export async function lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  if (keys.length === 0 || dialectOf(tx).name !== "postgresql") return;
  for (const key of [...new Set(keys)].sort()) {
    await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text AS "locked"`, key);
  }
}
