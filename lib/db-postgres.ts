import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient } from "@prisma/client";

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
 * Interactive transactions run one at a time, as SQLite's BEGIN IMMEDIATE makes them (lib/db.ts).
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
  return new generated.PrismaClient({ adapter: serializedTransactions(new PrismaPg({ connectionString: url, allowExitOnIdle: true })) });
}
