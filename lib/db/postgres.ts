import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient } from "@prisma/client";
import pg from "pg";
import { statementCache, withDirectStatements, type DirectStatements, type SqlParam } from "./hot-path";

/**
 * The PostgreSQL client (SPEC §15). Its generated code lives apart from the SQLite one
 * (scripts/prisma-postgres.mjs writes it to node_modules/.prisma-pg/client) and is loaded at run
 * time from the working directory, so the bundler neither follows nor copies it: a SQLite-only
 * install never needs it. Both clients come from one data model, so the SQLite client's types
 * describe this one too.
 */
const CLIENT_DIR = "./node_modules/.prisma-pg/client";
/** Any constant: the key of the one lock every interactive transaction takes (see below). */
const TRANSACTION_LOCK_KEY = 7_265_002;

/**
 * Interactive transactions run one at a time, as SQLite's BEGIN IMMEDIATE makes them (lib/db/prisma.ts).
 * The invariants checked inside a transaction (the last Admin, a role's version, the sign-in
 * throttle) read and then write; under PostgreSQL's READ COMMITTED two of them would both read
 * the old state, on one instance or on several sharing the database. A transaction-scoped
 * advisory lock, taken right after BEGIN, gives them SQLite's single-writer order everywhere.
 * Single statements outside a transaction do not take it.
 */
function serializedTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      await transaction.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${TRANSACTION_LOCK_KEY})`, args: [], argTypes: [] });
      return transaction;
    };
    return adapter;
  };
  return factory;
}

const TIMESTAMP_OID = 1114;
const DIRECT_POOL_SIZE = 4;

/**
 * Prisma stores DateTime as `timestamp(3)` in UTC; pg would read a timestamp without time zone
 * as local time. Everything else keeps pg's parsing (bigint and numeric come as text, which the
 * callers turn into numbers, as they do Prisma's bigint and Decimal).
 */
const utcTimestamps = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID && format !== "binary") return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * The direct statements (lib/db/hot-path.ts): named statements, which PostgreSQL parses and plans
 * once per connection, on a small pool of their own. Writes wait their turn like any query (no
 * event loop to block here), and keep the server's durability settings.
 */
function postgresDirectStatements(url: string): DirectStatements {
  let pool: pg.Pool | null = null;
  const named = statementCache((text) => ({ name: `rc_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`, text }));

  async function run<T>(text: string, params: readonly SqlParam[]): Promise<T[]> {
    pool ??= new pg.Pool({ connectionString: url, max: DIRECT_POOL_SIZE, allowExitOnIdle: true, types: utcTimestamps });
    const result = await pool.query({ ...named(text), values: [...params] });
    return result.rows as T[];
  }

  return {
    run,
    async close() {
      const open = pool;
      pool = null;
      await open?.end();
    },
  };
}

export function createPostgresClient(url: string): PrismaClient {
  // Reached through getBuiltinModule so the bundler sees no require to follow and no file path
  // to trace (a traced process.cwd() path would pull the whole project into the server output).
  const { createRequire } = process.getBuiltinModule("node:module") as typeof import("node:module");
  const load = createRequire(`${process.cwd()}/`);
  let generated: { PrismaClient: new (options: { adapter: PrismaPg }) => PrismaClient };
  try {
    generated = load(CLIENT_DIR);
  } catch (error) {
    throw new Error(`The PostgreSQL Prisma client is missing: run node scripts/prisma-postgres.mjs --generate (${error instanceof Error ? error.message : error})`);
  }
  // idle pool connections must not keep a script or test process alive
  const client = new generated.PrismaClient({ adapter: serializedTransactions(new PrismaPg({ connectionString: url, allowExitOnIdle: true })) });
  return withDirectStatements(client, postgresDirectStatements(url));
}
