/**
 * Signed-in pages against the REST list, in one run (SPEC §21): the People list page and a person's
 * record page, signed in as Ian (the Intern) by session cookie, beside `GET /api/rest/people?limit=50`
 * with the Intern key, on one server as `npm start` serves it (default cluster), its own SQLite
 * database with 10,000 people. For each: req/s and p99 at 10 connections (median of rounds,
 * alternating), p50 of single requests one at a time, and the HTML size; then the pages' req/s as
 * a share of the REST list's and each server process's RSS after the load. No asserts: numbers.
 *
 *   npm run bench:pages        DURATION (15 s) WARMUP (3 s) CONNECTIONS (10) ROUNDS (3) SINGLE (60) PEOPLE (10000) WEB_CONCURRENCY (default)
 *
 * Needs the production build (`npm run build`).
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { sealData } from "iron-session";
import { SESSION_COOKIE } from "../lib/auth/session-config";
import { startSession } from "../lib/auth/sessions";
import { createPrismaClient } from "../lib/db/prisma";
import { BENCH_SESSION_SECRET, prepareDatabase, rssOf, startServer, stopServer } from "./lib/server";

const root = path.resolve(__dirname, "..");
const DURATION = Number(process.env.DURATION ?? 15);
const WARMUP = Number(process.env.WARMUP ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SINGLE = Number(process.env.SINGLE ?? 60);
const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const DATABASE = process.env.PAGES_DB ?? "/tmp/rolecall-pages.db";

interface Shape {
  readonly label: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run npm run build first.");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DATABASE + suffix, { force: true });
  const url = `file:${DATABASE}`;
  await prepareDatabase(url, PEOPLE);
  const db = createPrismaClient(url);
  const ian = await db.user.findUniqueOrThrow({ where: { email: "ian@acme.dev" } });
  const sessionId = await startSession(db, ian.id);
  const cookie = `${SESSION_COOKIE}=${await sealData({ userId: ian.id, sessionId }, { password: BENCH_SESSION_SECRET, ttl: 24 * 3600 })}`;
  await db.$disconnect();

  const server = await startServer(url, { workers: process.env.WEB_CONCURRENCY, env: { API_RATE_LIMIT_PER_MINUTE: "0" } });
  try {
    const first = (await (await fetch(`${server.url}/api/rest/people?limit=1`, { headers: { authorization: "Bearer demo-intern-key" } })).json()) as { data: { id: string }[] };
    const personId = first.data[0].id;
    const page = { cookie, accept: "text/html" };
    const shapes: Shape[] = [
      { label: "REST list 50 (Intern key)", path: "/api/rest/people?limit=50", headers: { authorization: "Bearer demo-intern-key" } },
      { label: "People list page (Ian)", path: "/objects/people", headers: page },
      { label: "record page (Ian)", path: `/objects/people/${personId}`, headers: page },
    ];
    const sizes = new Map<string, number>();
    const singles = new Map<string, number>();
    for (const shape of shapes) {
      const response = await fetch(server.url + shape.path, { headers: shape.headers });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${shape.label}: ${response.status} ${body.slice(0, 200)}`);
      if (shape.headers.cookie && !body.includes("Ian Intern")) throw new Error(`${shape.label}: not signed in as Ian`);
      sizes.set(shape.label, Buffer.byteLength(body));
    }
    // One request at a time: what one person waits for a page (after a few to warm up).
    for (const shape of shapes) {
      const times: number[] = [];
      for (let i = 0; i < SINGLE + 5; i++) {
        const started = performance.now();
        await (await fetch(server.url + shape.path, { headers: shape.headers })).arrayBuffer();
        if (i >= 5) times.push(performance.now() - started);
      }
      singles.set(shape.label, median(times));
    }
    const loads = new Map<string, autocannon.Result[]>(shapes.map((shape) => [shape.label, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const shape of round % 2 === 0 ? shapes : [...shapes].reverse()) {
        const run = (duration: number) => autocannon({ url: server.url + shape.path, connections: CONNECTIONS, duration, headers: shape.headers });
        if (WARMUP) await run(WARMUP);
        loads.get(shape.label)!.push(await run(DURATION));
      }
    }
    const rss = rssOf(server);
    console.log(`\nSigned in as Ian over HTTP, ${PEOPLE.toLocaleString("en")} people, ${CONNECTIONS} connections, median of ${ROUNDS} × ${DURATION} s; server WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "default (one worker per core)"}`);
    console.log(`${"".padEnd(28)} ${"req/s".padStart(7)} ${"p99 ms".padStart(7)} ${"single p50 ms".padStart(14)} ${"size KB".padStart(8)} ${"vs REST".padStart(8)}`);
    const rest = median(loads.get(shapes[0].label)!.map((result) => result.requests.average));
    for (const shape of shapes) {
      const results = loads.get(shape.label)!;
      const rps = median(results.map((result) => result.requests.average));
      const p99 = median(results.map((result) => result.latency.p99));
      const failures = results.reduce((sum, result) => sum + result.non2xx + result.errors, 0);
      console.log(
        `${shape.label.padEnd(28)} ${rps.toFixed(0).padStart(7)} ${p99.toFixed(0).padStart(7)} ${singles.get(shape.label)!.toFixed(1).padStart(14)} ${(sizes.get(shape.label)! / 1024).toFixed(1).padStart(8)} ${`${((rps / rest) * 100).toFixed(0)} %`.padStart(8)}${failures ? `  (${failures} non-2xx)` : ""}`,
      );
    }
    console.log(`server RSS after the load (MiB, primary then workers): ${rss.join(" / ")}`);
  } finally {
    await stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
