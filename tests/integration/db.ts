import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { shareDirectStatements } from "@/lib/db/hot-path";
import { copyTemplateDatabase, testPostgresServer } from "./postgres";

export type TestDb = ReturnType<typeof createPrismaClient>;

const urls = new WeakMap<TestDb, string>();

/** The database (SQLite file or PostgreSQL database) a test client works on, for opening a second client on it (another process, a restart). */
export function databaseUrl(db: TestDb): string {
  const url = urls.get(db);
  if (!url) throw new Error("not a client from useDemoDatabase");
  return url;
}

/** True in the PostgreSQL run of the integration tests (scripts/test.mjs). */
export const onPostgres = Boolean(testPostgresServer());

/**
 * A real Prisma client on a private copy of the seeded demo database. Call it at the top
 * level of a test file; the client is closed when the file ends. On PostgreSQL the copy is a
 * database of its own, created before the file's first test (the client connects lazily).
 */
export function useDemoDatabase(): TestDb {
  const server = testPostgresServer();
  if (server) return usePostgresCopy(server);
  const dir = inject("testDbDir");
  const file = path.join(dir, `${randomUUID()}.db`);
  copyFileSync(path.join(dir, "template.db"), file);
  const db = createPrismaClient(`file:${file}`);
  urls.set(db, `file:${file}`);
  afterAll(() => db.$disconnect());
  return db;
}

function usePostgresCopy(server: string): TestDb {
  let target: TestDb | undefined;
  const ready = copyTemplateDatabase(server, inject("testPgTemplate")).then((url) => {
    target = createPrismaClient(url);
    shareDirectStatements(target, db);
    urls.set(db, url);
    return target;
  });
  ready.catch(() => {}); // reported by beforeAll below
  beforeAll(async () => {
    await ready;
  });
  afterAll(() => target?.$disconnect());
  // A stand-in until the copy exists: every property reads through to the real client.
  const db = new Proxy({} as TestDb, {
    get(_stub, property) {
      if (!target) throw new Error("the PostgreSQL test database is not ready yet: use it inside tests or hooks");
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return db;
}

/** The demo workspace and its roles by name, from a seeded database. */
export async function loadDemo(db: TestDb) {
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: "Acme" } });
  const roles = await db.role.findMany({ where: { workspaceId: workspace.id } });
  const roleId = (name: string) => {
    const role = roles.find((candidate) => candidate.name === name);
    if (!role) throw new Error(`No role ${name} in the demo workspace`);
    return role.id;
  };
  return { workspace, roleId };
}
