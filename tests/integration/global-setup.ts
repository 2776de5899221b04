/**
 * Builds one migrated and seeded SQLite template per test run; each test file then works
 * on its own copy (see ./db.ts), so files run in parallel without sharing state.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/db";
import { seedDemoWorkspace } from "@/prisma/demo-workspace";
import { applyMigrations } from "@/scripts/lib/migrations";
import { newTestDbDir } from "./paths";

export default async function setup(project: TestProject) {
  const dir = newTestDbDir();
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  applyMigrations(template);
  const db = createPrismaClient(`file:${template}`);
  await seedDemoWorkspace(db);
  await db.$disconnect();
  project.provide("testDbDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
