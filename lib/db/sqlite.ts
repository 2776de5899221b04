import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import BetterSqlite3 from "better-sqlite3";
import { statementCache, withDirectStatements, type DirectStatements, type SqlParam } from "./hot-path";
import { registerRecordFunctions } from "./sqlite-functions";

const LOCK_WAIT_MS = 15_000;

function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}

/** What every connection to the file needs, Prisma's and the direct one alike. */
function prepareConnection(client: BetterSqlite3.Database): void {
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  registerRecordFunctions(client);
}

/**
 * The SQLite driver adapter, tuned for several processes on one file (the server, scripts,
 * test fixtures): write-ahead logging so readers never wait for a writer, a lock wait instead of
 * an immediate "busy" error, and transactions that take the write lock when they begin. With
 * the adapter's plain BEGIN, a transaction that reads and then writes while another process
 * writes fails at once with SQLITE_BUSY (the lock upgrade cannot wait without deadlocking).
 */
function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSQLite3({ url, timeout: LOCK_WAIT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    prepareConnection(client);
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => (sql === "BEGIN" ? beginImmediate(client, prepare) : prepare(sql))) as typeof client.prepare;
    return adapter;
  };
  return factory;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * `BEGIN IMMEDIATE`, waiting for another process's write lock in steps of a millisecond. The
 * driver is synchronous, so any wait stops this process's event loop; SQLite's own busy handler
 * sleeps in steps of up to 100 ms, so a worker of the cluster (several processes on one file)
 * would sleep long after the other released the lock. Here the wait lasts about as long as the
 * other writer's transaction, and gives up after the same LOCK_WAIT_MS.
 */
function beginImmediate(client: BetterSqlite3.Database, prepare: (sql: string) => BetterSqlite3.Statement) {
  const statement = prepare("BEGIN IMMEDIATE");
  return {
    run() {
      const deadline = Date.now() + LOCK_WAIT_MS;
      client.pragma("busy_timeout = 0");
      try {
        for (;;) {
          try {
            return statement.run();
          } catch (error) {
            if (!(error as { code?: string }).code?.startsWith("SQLITE_BUSY") || Date.now() > deadline) throw error;
            Atomics.wait(pause, 0, 0, 1);
          }
        }
      } finally {
        client.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
      }
    },
  };
}

/**
 * The direct connection (lib/db/hot-path.ts), opened on first use. better-sqlite3 runs a statement
 * synchronously, so it must never wait on a lock: a wait would stop the event loop, and with it
 * the very transaction it waits for when that transaction is this process's own. Reads never
 * wait in WAL mode. A write gives up at once when another writer holds the file (the caller
 * then goes through Prisma, which queues), and does not sync to disk: it is only ever a
 * rate-limit count, which a power cut may lose without harm, and WAL keeps the file intact.
 */
function sqliteDirectStatements(url: string): DirectStatements {
  let connection: BetterSqlite3.Database | null = null;
  let prepared: ((text: string) => BetterSqlite3.Statement) | null = null;

  function statement(text: string): BetterSqlite3.Statement {
    if (!prepared) {
      connection = new BetterSqlite3(sqlitePath(url), { timeout: 0 });
      prepareConnection(connection);
      connection.pragma("synchronous = NORMAL");
      const open = connection;
      prepared = statementCache((sql) => open.prepare(sql));
    }
    return prepared(text);
  }

  // Rare for a read in WAL mode (a checkpoint resetting the log), the rule for a write under another writer.
  function unlessBusy<T>(text: string, params: readonly SqlParam[]): T[] | null {
    try {
      return statement(text).all(...params) as T[];
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return null;
      throw error;
    }
  }

  return {
    run: unlessBusy,
    async close() {
      connection?.close();
      connection = null;
      prepared = null;
    },
  };
}

export function createSqliteClient(url: string): PrismaClient {
  return withDirectStatements(new PrismaClient({ adapter: sqliteAdapter(url) }), sqliteDirectStatements(url));
}
