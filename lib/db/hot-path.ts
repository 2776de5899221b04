/**
 * Prepared statements on a connection of their own, for the few statements every REST request
 * runs: the key lookup, the page of records, the rate-limit count (issue 13's hot path).
 *
 * Through Prisma, a raw statement is handed to the query engine, then to the driver adapter,
 * which prepares it anew each time, a few hops and promises per call; here the same SQL text is
 * prepared once and run straight on the driver. Only the root client gets one: inside a
 * transaction, statements must see the transaction's own writes, so they keep going through it
 * (`queryRows` falls back to `$queryRawUnsafe`). A separate connection also never sees another
 * request's uncommitted writes, which sharing Prisma's connection would.
 */
import type { Tx } from "./types";

export type SqlParam = string | number | null;

export interface DirectStatements {
  /**
   * Rows of one statement, with the same SQL text and parameters `$queryRawUnsafe` takes; null
   * when it cannot run right now without waiting, so the caller goes through Prisma instead.
   */
  run<T>(text: string, params: readonly SqlParam[]): T[] | null | Promise<T[] | null>;
  close(): Promise<void>;
}

const attached = new WeakMap<object, DirectStatements>();

/** Gives a root client its direct statements, closed when the client disconnects (tests delete the database after). */
export function withDirectStatements<C extends { $disconnect(): Promise<void> }>(client: C, statements: DirectStatements): C {
  attached.set(client, statements);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await statements.close();
    await disconnect();
  };
  return client;
}

/**
 * The same direct statements for a stand-in of a root client (a proxy forwarding to it): lookups
 * go by identity, because a Prisma transaction forwards every other property to its root client.
 */
export function shareDirectStatements(client: object, standIn: object): void {
  const statements = attached.get(client);
  if (statements) attached.set(standIn, statements);
}

/** The direct statements of a root client; null for a transaction (or a client without any). */
export function directStatementsOf(db: Tx): DirectStatements | null {
  return attached.get(db) ?? null;
}

/**
 * Rows of one statement: prepared on the direct connection when `db` is a root client and the
 * database is free, through Prisma otherwise. A read, or a single-statement write that a power
 * cut may lose (a rate-limit count): on SQLite the direct connection does not sync to disk.
 */
export async function queryRows<T>(db: Tx, text: string, params: readonly SqlParam[]): Promise<T[]> {
  const rows = await attached.get(db)?.run<T>(text, params);
  return rows ?? db.$queryRawUnsafe<T[]>(text, ...params);
}

/**
 * A bounded cache of prepared statements by SQL text. The texts come from code (values are
 * parameters), but filters and sorts combine into many shapes, so the cache starts over when full.
 */
export function statementCache<S>(prepare: (text: string) => S, capacity = 500): (text: string) => S {
  const cache = new Map<string, S>();
  return (text) => {
    let statement = cache.get(text);
    if (statement === undefined) {
      if (cache.size >= capacity) cache.clear();
      statement = prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
}

/** Dates as the rest of the code reads them: the direct drivers may hand back ISO text. */
export function toDate(value: Date | string | number): Date;
export function toDate(value: Date | string | number | null): Date | null;
export function toDate(value: Date | string | number | null): Date | null {
  return value === null || value instanceof Date ? value : new Date(value);
}
