/**
 * Scale-out in one run (SPEC §21), each figure beside its baseline measured minutes apart:
 *   1. the list of 50 people as the Intern key on SQLite: one process (WEB_CONCURRENCY=1) against
 *      the default cluster (one worker per core), with the rate limit counting in the database
 *      (API_RATE_LIMIT_PER_MINUTE=100000000: every request upserts its count, none is refused);
 *   2. PATCH city as the Intern key on PostgreSQL, each connection on a record of its own: one
 *      instance against two instances (one process each) sharing the database, the load split
 *      between them.
 * Rounds alternate the two sides; medians are printed with the ratio, p99 and each process's RSS
 * after the load. Starts its own servers (the production build must exist: `npm run build`), its own
 * SQLite file and its own embedded PostgreSQL. No asserts: numbers.
 *
 *   npm run bench:scale-out          DURATION (15 s) WARMUP (3 s) CONNECTIONS (10) ROUNDS (3) PEOPLE (10000) ONLY (list,patch)
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { prepareDatabase, rssOf, startServer, stopServer } from "./lib/server";

const root = path.resolve(__dirname, "..");
const DURATION = Number(process.env.DURATION ?? 15);
const WARMUP = Number(process.env.WARMUP ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const ONLY = (process.env.ONLY ?? "list,patch").split(",");
const KEY = "demo-intern-key";
const COUNTING_LIMIT = "100000000";

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

function load(url: string, connections: number, duration: number, patch?: readonly string[]): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration,
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    ...(patch
      ? {
          // Each request patches the next record of this side's own list: the sides never share one.
          requests: [{ method: "PATCH", setupRequest: (request) => ({ ...request, path: `/api/rest/people/${patch[next++ % patch.length]}`, body: JSON.stringify({ city: `City ${next % 97}` }) }) }],
        }
      : { path: "/api/rest/people?limit=50" }),
  } as autocannon.Options);
}

const toLoad = (results: autocannon.Result[]): Load => ({
  rps: results.reduce((sum, result) => sum + result.requests.average, 0),
  p50: Math.max(...results.map((result) => result.latency.p50)),
  p99: Math.max(...results.map((result) => result.latency.p99)),
  failures: results.reduce((sum, result) => sum + result.non2xx + result.errors, 0),
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summarize = (loads: Load[]): Load => ({ rps: median(loads.map((l) => l.rps)), p50: median(loads.map((l) => l.p50)), p99: median(loads.map((l) => l.p99)), failures: loads.reduce((sum, l) => sum + l.failures, 0) });
const line = (label: string, row: Load, rss: number[]) =>
  `  ${label.padEnd(34)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50.toFixed(0).padStart(3)} ms  p99 ${row.p99.toFixed(0).padStart(3)} ms  RSS ${rss.join(" / ")} MiB${row.failures ? `  (${row.failures} non-2xx)` : ""}`;

async function listOnSqlite() {
  const file = "/tmp/rolecall-scale-out.db";
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  await prepareDatabase(url, PEOPLE);
  const sides: [string, string | undefined][] = [["one process (WEB_CONCURRENCY=1)", "1"], ["default cluster (one worker per core)", undefined]];
  const loads = new Map<string, Load[]>(sides.map(([label]) => [label, []]));
  const rss = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, workers] of round % 2 === 0 ? sides : [...sides].reverse()) {
      const server = await startServer(url, { workers, env: { API_RATE_LIMIT_PER_MINUTE: COUNTING_LIMIT } });
      try {
        if (WARMUP) await load(`${server.url}/api/rest/people?limit=50`, CONNECTIONS, WARMUP);
        loads.get(label)!.push(toLoad([await load(`${server.url}/api/rest/people?limit=50`, CONNECTIONS, DURATION)]));
        rss.set(label, rssOf(server));
      } finally {
        await stopServer(server);
      }
    }
  }
  console.log(`\nSQLite, list 50 people as the Intern key, rate limit counting, ${CONNECTIONS} connections, median of ${ROUNDS} × ${DURATION} s`);
  const [one, cluster] = sides.map(([label]) => summarize(loads.get(label)!));
  console.log(line(sides[0][0], one, rss.get(sides[0][0])!));
  console.log(line(sides[1][0], cluster, rss.get(sides[1][0])!));
  console.log(`  cluster / one process: ${(cluster.rps / one.rps).toFixed(2)}×`);
}

async function patchOnPostgres() {
  const { startEmbeddedPostgres } = (await import("../scripts/lib/embedded-postgres.mjs")) as { startEmbeddedPostgres: () => Promise<{ url: string; stop: () => Promise<void> }> };
  const pg = await startEmbeddedPostgres();
  try {
    const url = `${pg.url}/rolecall_scale_out`;
    await prepareDatabase(url, PEOPLE);
    const probe = await startServer(url, { workers: "1", env: { API_RATE_LIMIT_PER_MINUTE: COUNTING_LIMIT } });
    const listed = (await (await fetch(`${probe.url}/api/rest/people?limit=200`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as { data: { id: string }[] };
    await stopServer(probe);
    const ids = listed.data.map((row) => row.id);
    const [firstHalf, secondHalf] = [ids.filter((_, i) => i % 2 === 0), ids.filter((_, i) => i % 2 === 1)];
    const one: Load[] = [];
    const two: Load[] = [];
    let rssOne: number[] = [];
    let rssTwo: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? ["one", "two"] : ["two", "one"]) {
        if (side === "one") {
          const server = await startServer(url, { workers: "1", env: { API_RATE_LIMIT_PER_MINUTE: COUNTING_LIMIT } });
          try {
            if (WARMUP) await load(server.url, CONNECTIONS, WARMUP, ids);
            one.push(toLoad([await load(server.url, CONNECTIONS, DURATION, ids)]));
            rssOne = rssOf(server);
          } finally {
            await stopServer(server);
          }
        } else {
          const servers = await Promise.all([startServer(url, { workers: "1", env: { API_RATE_LIMIT_PER_MINUTE: COUNTING_LIMIT } }), startServer(url, { workers: "1", env: { API_RATE_LIMIT_PER_MINUTE: COUNTING_LIMIT } })]);
          try {
            const half = Math.max(1, CONNECTIONS / 2);
            if (WARMUP) await Promise.all([load(servers[0].url, half, WARMUP, firstHalf), load(servers[1].url, half, WARMUP, secondHalf)]);
            two.push(toLoad(await Promise.all([load(servers[0].url, half, DURATION, firstHalf), load(servers[1].url, half, DURATION, secondHalf)])));
            rssTwo = servers.flatMap(rssOf);
          } finally {
            await Promise.all(servers.map(stopServer));
          }
        }
      }
    }
    console.log(`\nPostgreSQL, PATCH city as the Intern key on ${ids.length} records (no two connections on one record), ${CONNECTIONS} connections in all, median of ${ROUNDS} × ${DURATION} s`);
    const [a, b] = [summarize(one), summarize(two)];
    console.log(line("one instance", a, rssOne));
    console.log(line("two instances, load split", b, rssTwo));
    console.log(`  two instances / one: ${(b.rps / a.rps).toFixed(2)}×`);
  } finally {
    await pg.stop();
  }
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run npm run build first.");
  if (ONLY.includes("list")) await listOnSqlite();
  if (ONLY.includes("patch")) await patchOnPostgres();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
