import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { registerRecordFunctions } from "./records/sqlite-functions";
import { createPostgresClient } from "./db-postgres";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";
const LOCK_WAIT_MS = 15_000;

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
    client.pragma("journal_mode = WAL");
    client.pragma("foreign_keys = ON");
    registerRecordFunctions(client);
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  };
  return factory;
}

/** `postgresql://…` (or `postgres://…`) selects PostgreSQL; anything else is a SQLite file (SPEC §15). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  if (isPostgresUrl(url)) return createPostgresClient(url);
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// One client per process; development hot reloads would otherwise open a new one per edit.
const globalForPrisma = globalThis as unknown as { rolecallPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.rolecallPrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.rolecallPrisma = db;
