/**
 * The hot path's direct statements (lib/db/hot-path.ts) on both databases: a read through the root
 * client gives exactly what the same read through Prisma gives, never sees a transaction that has
 * not committed, and the rate-limit count never waits on a lock (SQLite) yet is never lost.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { apiKeyPrincipal } from "@/lib/access/principal";
import { createDatabaseRateLimiter } from "@/lib/api/rate-limit";
import { directStatementsOf, queryRows } from "@/lib/db/hot-path";
import { listRecords } from "@/lib/records";
import { dialectOf } from "@/lib/db/sql-dialect";
import { databaseUrl, onPostgres, useDemoDatabase } from "./db";

const db = useDemoDatabase();
const INTERN_KEY = "demo-intern-key";
/** Takes the write lock of the file in argv[1], says so, and lets it go after half a second. */
const HOLD_WRITE_LOCK = `const db = new (require("better-sqlite3"))(process.argv[1]); db.exec("BEGIN IMMEDIATE"); console.log("locked"); setTimeout(() => { db.exec("COMMIT"); db.close(); }, 500);`;

async function aPerson() {
  const object = await db.objectMetadata.findFirstOrThrow({ where: { namePlural: "people" } });
  return db.record.findFirstOrThrow({ where: { objectMetadataId: object.id, deletedAt: null }, orderBy: { createdAt: "asc" } });
}

describe(`direct statements on ${onPostgres ? "PostgreSQL" : "SQLite"}`, () => {
  it("the root client has them, a transaction does not", async () => {
    expect(directStatementsOf(db)).not.toBeNull();
    await db.$transaction(async (tx) => expect(directStatementsOf(tx)).toBeNull());
  });

  it("a key and a page read directly equal the same reads through Prisma, dates and numbers included", async () => {
    const now = new Date();
    const direct = await apiKeyPrincipal(db, INTERN_KEY, now);
    const throughPrisma = await db.$transaction((tx) => apiKeyPrincipal(tx, INTERN_KEY, now));
    expect(direct).toEqual(throughPrisma);
    if (!direct.ok) throw new Error("the Intern key must authenticate");

    for (const orderBy of [null, { field: "city", direction: "desc" as const }, { field: "createdAt", direction: "asc" as const }]) {
      const first = await listRecords(db, direct.principal, "people", { limit: 5, orderBy });
      expect(first.records).toHaveLength(5);
      expect(first).toEqual(await db.$transaction((tx) => listRecords(tx, direct.principal, "people", { limit: 5, orderBy })));
      const next = { limit: 5, orderBy, cursor: first.pageInfo.endCursor };
      expect(await listRecords(db, direct.principal, "people", next)).toEqual(await db.$transaction((tx) => listRecords(tx, direct.principal, "people", next)));
    }
  });

  it("a read through the root client never sees a write that has not committed", async () => {
    const person = await aPerson();
    const text = dialectOf(db).placeholders(`SELECT "data" FROM "Record" WHERE "id" = ?`);
    await db
      .$transaction(async (tx) => {
        await tx.record.update({ where: { id: person.id }, data: { data: JSON.stringify({ name: "Uncommitted" }) } });
        const [seen] = await queryRows<{ data: string }>(db, text, [person.id]);
        expect(seen.data).toBe(person.data);
        const [own] = await queryRows<{ data: string }>(tx, text, [person.id]);
        expect(own.data).toContain("Uncommitted");
        throw new Error("roll back");
      })
      .catch((error: Error) => expect(error.message).toBe("roll back"));
    const [after] = await queryRows<{ data: string }>(db, text, [person.id]);
    expect(after.data).toBe(person.data);
  });

  it("counts a rate-limited request made inside a transaction of the same process without waiting on its lock", async () => {
    const limiter = createDatabaseRateLimiter(db, 1000);
    const nowMs = Date.now();
    const started = Date.now();
    await db.$transaction(async (tx) => {
      await tx.workspace.updateMany({ data: { name: "Acme" } });
      expect((await limiter.consume("apiKey:inside", nowMs))?.remaining).toBe(999);
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await limiter.consume("apiKey:inside", nowMs))?.remaining).toBe(998);
  });

  it.skipIf(onPostgres)("SQLite: while another process holds the write lock, the count goes through Prisma, which waits, and none is lost", async () => {
    const limiter = createDatabaseRateLimiter(db, 1000);
    const nowMs = Date.now();
    expect((await limiter.consume("apiKey:locked", nowMs))?.remaining).toBe(999);
    // Another process: a lock held in this one would stop the event loop along with Prisma's wait.
    const holder = spawn(process.execPath, ["-e", HOLD_WRITE_LOCK, databaseUrl(db).replace(/^file:/, "")], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise((resolve) => holder.on("exit", resolve));
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    expect(directStatementsOf(db)?.run(`INSERT INTO "RateLimitWindow" ("key", "window", "count") VALUES ('x', 0, 1) RETURNING "count"`, [])).toBeNull();
    expect((await limiter.consume("apiKey:locked", nowMs))?.remaining).toBe(998);
    await exited;
    expect((await limiter.consume("apiKey:locked", nowMs))?.remaining).toBe(997);
  });
});
