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
/** How many times an interactive transaction runs when PostgreSQL aborts it to break a deadlock or a serialization conflict. */
const TRANSACTION_ATTEMPTS = 4;

/** SQLSTATE 40001 (serialization failure) and 40P01 (deadlock detected): the transaction did nothing and may run again. */
function isRetryableConflict(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && typeof cause === "object" && depth < 6; depth++) {
    const { code, originalCode, message } = cause as { code?: unknown; originalCode?: unknown; message?: unknown };
    if (code === "P2034" || code === "40001" || code === "40P01" || originalCode === "40001" || originalCode === "40P01") return true;
    if (typeof message === "string" && /\b(40P01|40001)\b|deadlock detected|could not serialize access/.test(message)) return true;
    const next = cause as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    cause = next.meta?.driverAdapterError ?? next.cause;
  }
  return false;
}

/**
 * Interactive transactions run side by side (SPEC §21): no lock is taken for them here. A use
 * case whose invariant reads and then writes locks what the invariant is about (./locks.ts), and
 * when two of them lock in a circle PostgreSQL aborts one: it is run again from the start, a few
 * times at most, after a short random pause. A transaction's callback only talks to the database
 * (the slow and outside work, argon2 or e-mail, is done before or after), so running it again is safe.
 */
function retryingTransactions(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.$transaction = (async (...args: unknown[]) => {
    if (typeof args[0] !== "function") return transaction(...args);
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(...args);
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }) as PrismaClient["$transaction"];
  return client;
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
    if (!pool) {
      pool = new pg.Pool({ connectionString: url, max: DIRECT_POOL_SIZE, allowExitOnIdle: true, types: utcTimestamps });
      // An idle connection the server ends (a restart, a stopped test server) is dropped by the
      // pool and replaced on the next query; unhandled, its error would end the process.
      pool.on("error", () => {});
    }
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
  const client = new generated.PrismaClient({ adapter: new PrismaPg({ connectionString: url, allowExitOnIdle: true }) });
  return withDirectStatements(retryingTransactions(client), postgresDirectStatements(url));
}
