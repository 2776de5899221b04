/**
 * Lists at scale: the REST list handler (key lookup, permissions, SQL, masking, JSON) on a SQLite
 * file of its own holding 10k, 100k, then 1M people, bulk-inserted as raw multi-row INSERTs in one
 * transaction each. Prints the p50/p99 of each query shape at each size. No asserts: a curve.
 *
 *   npm run bench:scale                     # SIZES=10000,100000,1000000 ITERATIONS=40 by default
 *
 * The database (SCALE_DB, default /tmp/rolecall-scale.db) is migrated and seeded with the demo
 * workspace first; people are added to reach each size, so one run builds the curve.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { ApiDeps } from "../lib/api/context";
import { createRateLimiter } from "../lib/api/rate-limit";
import { handleListRecords } from "../lib/api/records-handlers";
import { createPrismaClient } from "../lib/db";
import { benchEmail, fillPeople } from "./lib/bulk-people";

const FILE = process.env.SCALE_DB ?? "/tmp/rolecall-scale.db";
const URL_ = `file:${FILE}`;
const SIZES = (process.env.SIZES ?? "10000,100000,1000000").split(",").map(Number);
const ITERATIONS = Number(process.env.ITERATIONS ?? 40);
const KEY = "demo-default-key";
function prepare() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(FILE + suffix, { force: true });
  const root = path.resolve(__dirname, "..");
  const env = { ...process.env, DATABASE_URL: URL_ };
  execFileSync("node", ["scripts/migrate.mjs"], { cwd: root, env, stdio: "ignore" });
  execFileSync("node", ["--import", "tsx", "prisma/seed.ts"], { cwd: root, env, stdio: "ignore" });
}

/** Adds people up to `target`; returns the seconds it took. */
function fillTo(sqlite: Database.Database, target: number): number {
  const started = performance.now();
  fillPeople(sqlite, "Acme", target);
  return (performance.now() - started) / 1000;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function main() {
  prepare();
  const sqlite = new Database(FILE);
  sqlite.pragma("journal_mode = WAL");
  const db = createPrismaClient(URL_);
  const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };

  async function list(query: string) {
    const request = new Request(`http://localhost/api/rest/people?${query}`, { headers: { authorization: `Bearer ${KEY}` } });
    const response = await handleListRecords(deps, request, { object: "people" });
    if (response.status !== 200) throw new Error(`${query}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { data: unknown[]; pageInfo: { endCursor: string | null } };
  }

  async function time(query: string) {
    for (let i = 0; i < 3; i++) await list(query);
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const started = performance.now();
      await list(query);
      samples.push(performance.now() - started);
    }
    return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
  }

  console.log(`List 50 people through the REST list handler (in process, ${ITERATIONS} runs each), p50 / p99 in ms\n`);
  const rows: string[][] = [];
  for (const size of SIZES) {
    const seconds = fillTo(sqlite, size);
    const middle = Math.floor(size / 2);
    const firstPage = await list("limit=50&orderBy=name:desc");
    const cursor = encodeURIComponent(firstPage.pageInfo.endCursor ?? "");
    const shapes: [string, string][] = [
      ["default list", "limit=50"],
      ["city[eq]:Paris", "limit=50&filter=city[eq]:Paris"],
      ["email[eq]:<one>", `limit=50&filter=email[eq]:${benchEmail(middle)}`],
      ["orderBy=city", "limit=50&orderBy=city"],
      ["orderBy=name:desc", "limit=50&orderBy=name:desc"],
      ["next page (name:desc)", `limit=50&orderBy=name:desc&cursor=${cursor}`],
      ["search=Émile", "limit=50&search=%C3%89mile"],
    ];
    console.log(`${size.toLocaleString("en")} people (inserted in ${seconds.toFixed(1)} s)`);
    // Every shape once first: the first query after a bulk insert pays for a cold page cache.
    for (const [, query] of shapes) await list(query);
    for (const [label, query] of shapes) {
      const { p50, p99 } = await time(query);
      console.log(`  ${label.padEnd(24)} p50 ${p50.toFixed(1).padStart(7)}   p99 ${p99.toFixed(1).padStart(7)}`);
      rows.push([String(size), label, p50.toFixed(1)]);
    }
  }
  console.log("\np50 (ms) by size");
  const labels = [...new Set(rows.map((row) => row[1]))];
  console.log(`  ${"".padEnd(24)} ${SIZES.map((size) => size.toLocaleString("en").padStart(10)).join(" ")}`);
  for (const label of labels) {
    console.log(`  ${label.padEnd(24)} ${SIZES.map((size) => (rows.find((row) => row[0] === String(size) && row[1] === label)?.[2] ?? "-").padStart(10)).join(" ")}`);
  }
  await db.$disconnect();
  sqlite.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
