/**
 * Builds one migrated and seeded template per test run; each test file then works on its own
 * copy (see ./db.ts), so files run in parallel without sharing state. SQLite: a template file.
 * PostgreSQL (ROLECALL_TEST_POSTGRES_URL, see ./postgres.ts): a template database.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDemoWorkspace } from "@/prisma/demo-workspace";
import { applyMigrations } from "@/scripts/lib/migrations";
import { migratePostgres } from "@/scripts/lib/migrate-postgres.mjs";
import { newTestDbDir } from "./paths";
import { adminQuery, databaseUrlOn, testPostgresServer } from "./postgres";

async function seed(url: string) {
  const db = createPrismaClient(url);
  await seedDemoWorkspace(db);
  await db.$disconnect();
}

export default async function setup(project: TestProject) {
  const dir = newTestDbDir();
  mkdirSync(dir, { recursive: true });
  project.provide("testDbDir", dir);
  const server = testPostgresServer();
  if (server) {
    const template = `rolecall_template_${process.pid}`;
    const url = databaseUrlOn(server, template);
    await migratePostgres(url, path.join(process.cwd(), "prisma", "postgres", "migrations"));
    await seed(url);
    project.provide("testPgTemplate", template);
    return async () => {
      rmSync(dir, { recursive: true, force: true });
      await adminQuery(server, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    };
  }
  const template = path.join(dir, "template.db");
  applyMigrations(template);
  await seed(`file:${template}`);
  project.provide("testPgTemplate", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
