import type { PrismaClient } from "@prisma/client";
import { createPostgresClient } from "./db-postgres";
import { createSqliteClient } from "./db-sqlite";
import { isPostgresUrl } from "./sql-dialect";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  return isPostgresUrl(url) ? createPostgresClient(url) : createSqliteClient(url);
}

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// One client per process; development hot reloads would otherwise open a new one per edit.
const globalForPrisma = globalThis as unknown as { rolecallPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.rolecallPrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.rolecallPrisma = db;
