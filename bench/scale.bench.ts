/**
 * Lists at scale: the REST list handler (key lookup, permissions, SQL, masking, JSON) on a database
 * of its own holding 10k, 100k, then 1M people, bulk-inserted as raw multi-row INSERTs in one
 * transaction each (then ANALYZE). Prints the p50/p99 of each query shape at each size. No
 * asserts: a curve.
 *
 *   npm run bench:scale                              # SQLite, SIZES=10000,100000,1000000 ITERATIONS=40
 *   BENCH_DATABASE=postgresql npm run bench:scale    # PostgreSQL: starts its own embedded server
 *   DATABASE_URL=postgresql://u:p@host:5432/x npm run bench:scale
 *                                                    # PostgreSQL on that server, database rolecall_scale
 *   SCALE_SIZES=10000,100000 …                       # a shorter curve (SIZES works too)
 *
 * The database (SQLite: SCALE_DB, default /tmp/rolecall-scale.db; PostgreSQL: `rolecall_scale`,
 * dropped and created afresh) is migrated and seeded with the demo workspace first; people are
 * added to reach each size, so one run builds the curve.
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { ApiDeps } from "../lib/api/context";
import { createRateLimiter } from "../lib/api/rate-limit";
import { handleListRecords } from "../lib/api/records-handlers";
import { createPrismaClient } from "../lib/db/prisma";
import { isPostgresUrl } from "../lib/db/sql-dialect";
import { benchEmail, fillPeopleAt, RARE_WORD } from "./lib/bulk-people";

/** A term only person number i holds (in its email): a rare term at any size. */
const rareTerm = (i: number) => `${i}@scale`;

const SIZES = (process.env.SCALE_SIZES ?? process.env.SIZES ?? "10000,100000,1000000").split(",").map(Number);
const ITERATIONS = Number(process.env.ITERATIONS ?? 40);
const KEY = "demo-default-key";
const POSTGRES_DATABASE = "rolecall_scale";
const root = path.resolve(__dirname, "..");

/**
 * The database to fill: a PostgreSQL one (its own embedded server, or the server of a
 * postgresql:// DATABASE_URL) or the SQLite file. `stop` ends what was started here.
 */
async function openTarget(): Promise<{ url: string; label: string; stop: () => Promise<void> }> {
  const given = process.env.DATABASE_URL;
  if (process.env.BENCH_DATABASE === "postgresql" || (given && isPostgresUrl(given))) {
    let server = given && isPostgresUrl(given) ? given.replace(/\/[^/@]*$/, "") : null;
    let stop = async () => {};
    if (!server) {
      const { startEmbeddedPostgres } = (await import("../scripts/lib/embedded-postgres.mjs")) as { startEmbeddedPostgres: () => Promise<{ url: string; stop: () => Promise<void> }> };
      const embedded = await startEmbeddedPostgres();
      server = embedded.url;
      stop = embedded.stop;
    }
    const admin = new pg.Client({ connectionString: `${server}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${POSTGRES_DATABASE}" WITH (FORCE)`);
    await admin.end();
    return { url: `${server}/${POSTGRES_DATABASE}`, label: `PostgreSQL (${given && isPostgresUrl(given) ? "DATABASE_URL's server" : "embedded"})`, stop };
  }
  const file = process.env.SCALE_DB ?? "/tmp/rolecall-scale.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  return { url: `file:${file}`, label: `SQLite (${file})`, stop: async () => {} };
}

/** Migrates and seeds; asynchronously, so an embedded PostgreSQL started by this process keeps being served. */
async function prepare(url: string) {
  const env = { ...process.env, DATABASE_URL: url };
  await promisify(execFile)("node", ["scripts/migrate.mjs"], { cwd: root, env });
  await promisify(execFile)("node", ["--import", "tsx", "prisma/seed.ts"], { cwd: root, env });
}

/** Adds people up to `target`; returns the seconds it took. */
async function fillTo(url: string, target: number): Promise<number> {
  const started = performance.now();
  await fillPeopleAt(url, "Acme", target);
  return (performance.now() - started) / 1000;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function main() {
  const target = await openTarget();
  await prepare(target.url);
  const db = createPrismaClient(target.url);
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

  console.log(`${target.label}: list 50 people through the REST list handler (in process, ${ITERATIONS} runs each), p50 / p99 in ms\n`);
  const rows: string[][] = [];
  for (const size of SIZES) {
    const seconds = await fillTo(target.url, size);
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
      ["search=Émile (frequent)", "limit=50&search=%C3%89mile"],
      [`search=${RARE_WORD.toLowerCase()} (≤10)`, `limit=50&search=${RARE_WORD.toLowerCase()}`],
      ["search=<email> (1 record)", `limit=50&search=${encodeURIComponent(rareTerm(middle))}`],
      ["search=<absent>", "limit=50&search=Zyxwvut"],
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
  await target.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
