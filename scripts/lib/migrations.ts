/**
 * Applies the committed Prisma migrations to a fresh SQLite file directly, for throwaway
 * test databases where spawning the Prisma CLI per file would cost seconds.
 * Real databases go through `prisma migrate deploy` (scripts/ensure.mjs).
 */
import Database from "better-sqlite3";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export function applyMigrations(file: string) {
  const sqlite = new Database(file);
  try {
    const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const folder of folders) sqlite.exec(readFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8"));
  } finally {
    sqlite.close();
  }
}
