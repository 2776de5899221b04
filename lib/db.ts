import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

export function createPrismaClient(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL) {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// One client per process; development hot reloads would otherwise open a new one per edit.
const globalForPrisma = globalThis as unknown as { rolecallPrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.rolecallPrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.rolecallPrisma = db;
