/**
 * The Prisma path: one client per process, for every read and write a use case makes, and every
 * transaction. The other two paths are named for what they are: raw SQL that differs by database
 * in ./sql-dialect.ts (run through this client, or through the hot path), and the few prepared
 * statements every REST request runs in ./hot-path.ts. The README's "Data access" says which to use.
 */
import type { PrismaClient } from "@prisma/client";
import { createPostgresClient } from "./postgres";
import { createSqliteClient } from "./sqlite";
import { isPostgresUrl } from "./sql-dialect";

export type { Db, Tx } from "./types";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  return isPostgresUrl(url) ? createPostgresClient(url) : createSqliteClient(url);
}

// One client per process; development hot reloads would otherwise open a new one per edit.
const globalForPrisma = globalThis as unknown as { rolecallPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.rolecallPrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.rolecallPrisma = db;
