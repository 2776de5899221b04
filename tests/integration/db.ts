import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createPrismaClient } from "@/lib/db";

export type TestDb = ReturnType<typeof createPrismaClient>;

const urls = new WeakMap<TestDb, string>();

/** The file a test client works on, for opening a second client on it (another process, a restart). */
export function databaseUrl(db: TestDb): string {
  const url = urls.get(db);
  if (!url) throw new Error("not a client from useDemoDatabase");
  return url;
}

/**
 * A real Prisma client on a private copy of the seeded demo database. Call it at the top
 * level of a test file; the client is closed when the file ends.
 */
export function useDemoDatabase(): TestDb {
  const dir = inject("testDbDir");
  const file = path.join(dir, `${randomUUID()}.db`);
  copyFileSync(path.join(dir, "template.db"), file);
  const db = createPrismaClient(`file:${file}`);
  urls.set(db, `file:${file}`);
  afterAll(() => db.$disconnect());
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
