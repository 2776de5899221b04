import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { TestDb } from "./db";
import { onPostgres, useDemoDatabase } from "./db";

const db = useDemoDatabase();

/** Each call reads the counter, waits a little, and writes it back incremented: a lost-update trap. */
const INCREMENTS = 40;
const incrementScript = `
const { createPrismaClient } = require("@/lib/db/prisma");
(async () => {
  const db = createPrismaClient(process.env.DATABASE_URL);
  await db.workspace.count();
  process.stdout.write("ready\\n");
  for (let i = 0; i < ${INCREMENTS}; i++) {
    await db.$transaction(async (tx) => {
      const w = await tx.workspace.findFirstOrThrow();
      await new Promise((r) => setTimeout(r, 5));
      await tx.workspace.update({ where: { id: w.id }, data: { metadataVersion: w.metadataVersion + 1 } });
    });
  }
  await db.$disconnect();
})();
`;

async function increment(client: TestDb) {
  for (let i = 0; i < INCREMENTS; i++) {
    await client.$transaction(async (tx) => {
      const workspace = await tx.workspace.findFirstOrThrow();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.workspace.update({ where: { id: workspace.id }, data: { metadataVersion: workspace.metadataVersion + 1 } });
    });
  }
}

/** Starts the other process; resolves `ready` once it is connected, `done` when it has finished. */
function incrementInAnotherProcess(file: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "-e", incrementScript], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  const done = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`)))),
  );
  return { ready, done };
}

// About SQLite itself; on PostgreSQL the use cases lock what their invariant is about (lib/db/locks.ts, write-concurrency.integration.test.ts).
describe.skipIf(onPostgres)("SQLite shared by several processes (server, scripts, test fixtures)", () => {
  it("makes read-then-write transactions of two processes wait for each other: no busy error, no lost update", async () => {
    const [{ file }] = await db.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    const before = (await db.workspace.findFirstOrThrow()).metadataVersion;
    const other = incrementInAnotherProcess(file);
    await other.ready;
    await Promise.all([other.done, increment(db)]);
    expect((await db.workspace.findFirstOrThrow()).metadataVersion).toBe(before + 2 * INCREMENTS);
  });
});
