#!/usr/bin/env node
/**
 * Applies the committed migrations to the SQLite database of DATABASE_URL, keeping Prisma's own
 * `_prisma_migrations` bookkeeping (same table, same checksums), so `prisma migrate status` and
 * `prisma migrate deploy` agree with it.
 *
 * Why not `prisma migrate deploy`: through the driver adapter its schema engine cannot wait for a
 * lock, so with another process holding the database (a second instance, the MCP stdio server)
 * it fails with "WASM_ERROR … unknown variant `SocketTimeout`" and `npm start` never serves. Here
 * each migration waits for the write lock (WAL, busy timeout) and runs in one transaction.
 *
 * A postgresql:// URL applies prisma/postgres/migrations instead (scripts/lib/migrate-postgres.mjs).
 */
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
if (/^postgres(ql)?:\/\//.test(url)) {
  const { migratePostgres } = await import("./lib/migrate-postgres.mjs");
  try {
    await migratePostgres(url, process.env.ROLECALL_MIGRATIONS_DIR ?? path.join(root, "prisma", "postgres", "migrations"));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  process.exit(0);
}
// Overridable so that a test can add a pending migration of its own.
const MIGRATIONS_DIR = process.env.ROLECALL_MIGRATIONS_DIR ?? path.join(root, "prisma", "migrations");
if (!url.startsWith("file:")) {
  console.error(`scripts/migrate.mjs applies SQLite migrations (file:…) or PostgreSQL ones (postgresql://…); DATABASE_URL is ${url}.`);
  process.exit(2);
}
const file = path.resolve(root, url.slice("file:".length));

const sqlite = new Database(file, { timeout: 30_000 });
sqlite.pragma("journal_mode = WAL");
sqlite.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);

const applied = new Set(sqlite.prepare(`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`).pluck().all());
const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const record = sqlite.prepare(
  `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)`,
);

let count = 0;
for (const name of folders) {
  if (applied.has(name)) continue;
  const sql = readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
  const startedAt = new Date().toISOString();
  // IMMEDIATE: take the write lock first (waiting for it), so the migration and its record commit together.
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    sqlite.exec(sql);
    record.run(randomUUID(), createHash("sha256").update(sql).digest("hex"), new Date().toISOString(), name, startedAt);
    sqlite.exec("COMMIT");
  } catch (error) {
    sqlite.exec("ROLLBACK");
    console.error(`Migration ${name} failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  count++;
  console.log(`Applied ${name}`);
}
sqlite.close();
console.log(count === 0 ? `${folders.length} migrations, all applied already.` : `${count} migration(s) applied; ${folders.length} in all.`);
