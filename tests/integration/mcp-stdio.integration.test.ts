/**
 * scripts/mcp-server.ts as an MCP client runs it: a child process speaking JSON-RPC over stdio,
 * spawned by the SDK's StdioClientTransport against a private copy of the demo database.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, expect, inject, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dbFile = path.join(inject("testDbDir"), `mcp-stdio-${randomUUID()}.db`);
copyFileSync(path.join(inject("testDbDir"), "template.db"), dbFile);
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
});

/** `npm run mcp` for the Sales assistant on the test database, as an MCP client starts it. */
function salesAssistantOverStdio() {
  return new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", "scripts/mcp-server.ts", "--agent", "Sales assistant"],
    cwd: projectRoot,
    env: { ...getDefaultEnvironment(), DATABASE_URL: `file:${dbFile}` },
    stderr: "pipe",
  });
}

it("serves the Sales assistant's tools over stdio", async () => {
  const stderr: string[] = [];
  const transport = salesAssistantOverStdio();
  transport.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const client = new Client({ name: "rolecall-stdio-test", version: "1.0.0" });
  try {
    await client.connect(transport);
    expect(client.getServerVersion()).toMatchObject({ name: "rolecall" });

    const result = await client.callTool({ name: "list_objects", arguments: {} });
    expect(result.isError).toBeFalsy();
    const body = JSON.parse((result.content as { type: string; text: string }[])[0].text);
    expect(body.actingAs).toEqual({ agent: "Sales assistant", role: "Member" });
    expect(body.objects.map((object: { name: string }) => object.name)).toEqual(["people", "companies", "opportunities", "notes", "tasks"]);

    const refused = await client.callTool({ name: "find_records", arguments: { object: "secrets" } });
    expect(refused.isError).toBe(true);
    expect(JSON.parse((refused.content as { text: string }[])[0].text).error).toMatchObject({ code: "FORBIDDEN", object: "secrets" });
  } finally {
    await client.close();
  }
  // Logs go to stderr, never into the protocol stream on stdout.
  expect(stderr.join("")).toContain('serving agent "Sales assistant"');
}, 20_000);

it("lets npm start's migrations run while the MCP server holds the database (two processes)", async () => {
  // A copy of the migrations plus one pending of the test's own, applied by scripts/migrate.mjs.
  const migrations = mkdtempSync(path.join(os.tmpdir(), "rolecall-migrations-"));
  cpSync(path.join(projectRoot, "prisma", "migrations"), migrations, { recursive: true });
  mkdirSync(path.join(migrations, "99999999999999_concurrency_probe"));
  writeFileSync(path.join(migrations, "99999999999999_concurrency_probe", "migration.sql"), 'CREATE TABLE "ConcurrencyProbe" ("id" TEXT NOT NULL PRIMARY KEY);\n');
  const migrate = () =>
    spawnSync(process.execPath, ["scripts/migrate.mjs"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: `file:${dbFile}`, ROLECALL_MIGRATIONS_DIR: migrations }, encoding: "utf8", timeout: 60_000 });

  // The template was made without bookkeeping: record what it has, as a first run would.
  const sqlite = new Database(dbFile);
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
  const insert = sqlite.prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name") VALUES (?, '', current_timestamp, ?)`);
  for (const name of readdirSync(path.join(projectRoot, "prisma", "migrations"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) insert.run(randomUUID(), name);
  sqlite.close();

  const transport = salesAssistantOverStdio();
  const client = new Client({ name: "rolecall-stdio-test", version: "1.0.0" });
  await client.connect(transport);
  try {
    expect((await client.callTool({ name: "list_objects", arguments: {} })).isError).toBeFalsy();
    const run = migrate();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Applied 99999999999999_concurrency_probe");
    // The server keeps answering on the same connection, and the table is there.
    expect((await client.callTool({ name: "list_objects", arguments: {} })).isError).toBeFalsy();
  } finally {
    await client.close();
    rmSync(migrations, { recursive: true, force: true });
  }
  const check = new Database(dbFile);
  expect(check.prepare(`SELECT name FROM sqlite_master WHERE name = 'ConcurrencyProbe'`).pluck().get()).toBe("ConcurrencyProbe");
  check.close();
}, 60_000);
