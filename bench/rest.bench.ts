/**
 * REST throughput against a running server, the five shapes of the peer table: the empty route
 * (`GET /api/health`), list 50 people as the Intern key (object, field rules and masking at work),
 * list 50 with an all-fields (Admin-role) key, get one, PATCH one city. Prints req/s and p50/p99
 * of each (median of rounds), the Intern / all-fields ratio and, when the Directus harness is
 * there, Directus's figures from a run right before ours and the ratio. No asserts: numbers.
 *
 *   npm start                                          # API_RATE_LIMIT_PER_MINUTE=0 for this
 *   BASE_URL=http://localhost:3000 DATABASE_URL=file:./prisma/dev.db npm run bench:rest
 *
 * On PostgreSQL (SPEC §15): a server started on a postgresql:// database, and the same URL here.
 *   node scripts/lib/embedded-postgres.mjs             # terminal 1: prints postgresql://…/postgres
 *   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:<port>/rolecall API_RATE_LIMIT_PER_MINUTE=0 npm start
 *                                                      # terminal 2: migrates, seeds, serves on :3000
 *   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:<port>/rolecall PEER=0 npm run bench:rest
 *                                                      # terminal 3 (or with the Directus harness: drop PEER=0)
 *
 * Environment:
 *   BASE_URL      server to measure (default http://localhost:3000)
 *   DATABASE_URL  the server's database (file:… or postgresql://…): the bench tops People up to
 *                 PEOPLE (default 10000, as the peer has) and creates the Admin-role key
 *                 `bench-admin-key` there. Without it: the data as they are, and ADMIN_KEY or
 *                 `demo-default-key` (Member role) as all-fields key.
 *   DURATION (20 s), WARMUP (3 s), CONNECTIONS (10), ROUNDS (3)
 *   PEER          work dir of the Directus harness (bench/peers/directus/harness.mjs, the pinned
 *                 release; default /tmp/rolecall-directus); PEER=0 skips it. Its first run installs
 *                 Directus there (~3 min); each round takes about 2 min.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { hashApiKeySecret } from "../lib/api-keys/secret";
import { createPrismaClient } from "../lib/db/prisma";
import { createApiKey, createRole, type RoleSeed } from "../prisma/factories";
import { fillPeopleAt } from "./lib/bulk-people";

const BASE_URL = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const DURATION = Number(process.env.DURATION ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const PEER_HARNESS = path.join(__dirname, "peers", "directus", "harness.mjs");
const PEER_DIR = process.env.PEER === "0" ? null : (process.env.PEER ?? "/tmp/rolecall-directus");
const INTERN_KEY = "demo-intern-key";
const BENCH_ADMIN_SECRET = "bench-admin-key";
/** SPEC §17: a key on the Intern role holding three permission sets, to price the union on the hot path. */
const INTERN_SETS_KEY = "bench-intern-sets-key";
const BENCH_SETS: RoleSeed[] = [
  { name: "Bench: people without addresses", canSeeAllObjects: false, objectRules: [{ object: "person", canSee: true }], fieldRules: [{ object: "person", field: "address", canSee: false, canEdit: false }] },
  { name: "Bench: opportunities", canSeeAllObjects: false, objectRules: [{ object: "opportunity", canSee: true }] },
  { name: "Bench: export", canSeeAllObjects: false, actions: ["EXPORT_CSV"] },
];

interface Scenario {
  /** The peer harness's scenario id, for the ratio. */
  readonly id: string;
  readonly label: string;
  readonly method: "GET" | "PATCH";
  readonly path: string;
  readonly key: string | null;
  readonly body?: string;
}

interface Row {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

/**
 * The all-fields key, and People topped up to the peer's count, when the server's database is
 * known; there too the Intern key with three permission sets (null without a database).
 */
async function prepareData(): Promise<{ allFieldsKey: string; setsKey: string | null }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log("No DATABASE_URL: all-fields list as ADMIN_KEY or demo-default-key (Member role); People as they are; no permission-set scenario.");
    return { allFieldsKey: process.env.ADMIN_KEY ?? "demo-default-key", setsKey: null };
  }
  const added = await fillPeopleAt(url, "Acme", PEOPLE);
  if (added) console.log(`Added ${added} people to ${url} (now ${PEOPLE}).`);
  const db = createPrismaClient(url);
  try {
    if (!(await db.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(BENCH_ADMIN_SECRET) } }))) {
      const workspace = await db.workspace.findFirstOrThrow({ where: { name: "Acme" } });
      const admin = await db.role.findFirstOrThrow({ where: { workspaceId: workspace.id, isAdmin: true } });
      await createApiKey(db, { workspaceId: workspace.id, name: "Bench admin", secret: BENCH_ADMIN_SECRET, roleId: admin.id });
      console.log(`Created the Admin-role key ${BENCH_ADMIN_SECRET} in ${url}.`);
    }
    if (!(await db.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(INTERN_SETS_KEY) } }))) {
      const workspace = await db.workspace.findFirstOrThrow({ where: { name: "Acme" } });
      const intern = await db.role.findFirstOrThrow({ where: { workspaceId: workspace.id, name: "Intern" } });
      const key = await createApiKey(db, { workspaceId: workspace.id, name: "Bench intern with sets", secret: INTERN_SETS_KEY, roleId: intern.id });
      for (const seed of BENCH_SETS) {
        const set = await createRole(db, workspace.id, {}, seed, "set");
        await db.permissionSetAssignment.create({ data: { workspaceId: workspace.id, setId: set.id, principalKind: "apiKey", principalId: key.id } });
      }
      console.log(`Created the key ${INTERN_SETS_KEY} (Intern + ${BENCH_SETS.length} permission sets) in ${url}.`);
    }
  } finally {
    await db.$disconnect();
  }
  return { allFieldsKey: process.env.ADMIN_KEY ?? BENCH_ADMIN_SECRET, setsKey: INTERN_SETS_KEY };
}

async function request(scenario: Scenario) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (scenario.key) headers.authorization = `Bearer ${scenario.key}`;
  return fetch(BASE_URL + scenario.path, { method: scenario.method, headers, ...(scenario.body ? { body: scenario.body } : {}) });
}

/** One request first, so a wrong key or URL fails loudly instead of benchmarking errors. */
async function probe(scenario: Scenario) {
  const response = await request(scenario);
  if (response.status !== 200) throw new Error(`${scenario.label}: ${scenario.path} answered ${response.status} ${await response.text()}`);
}

function run(scenario: Scenario, duration: number) {
  return autocannon({
    url: BASE_URL + scenario.path,
    method: scenario.method,
    connections: CONNECTIONS,
    duration,
    headers: { "content-type": "application/json", ...(scenario.key ? { authorization: `Bearer ${scenario.key}` } : {}) },
    ...(scenario.body ? { body: scenario.body } : {}),
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The Directus harness (bench/peers/directus/harness.mjs), run now: its medians by scenario id, or null when it fails. */
function runPeer(): Map<string, Row> | null {
  if (!PEER_DIR) return null;
  console.log(`\nDirectus harness (${PEER_HARNESS} → ${PEER_DIR}), ${ROUNDS} round(s) of ${DURATION} s …`);
  try {
    execFileSync(process.execPath, [PEER_HARNESS, PEER_DIR], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DURATION: String(DURATION), WARMUP: String(WARMUP), CONNECTIONS: String(CONNECTIONS), ROUNDS: String(ROUNDS), ONLY: "p,a,b,c,d" },
    });
  } catch (error) {
    console.log(`Directus harness failed (${(error as Error).message.split("\n")[0]}); no ratio.`);
    return null;
  }
  const results = JSON.parse(readFileSync(path.join(PEER_DIR, "results.json"), "utf8")) as {
    results: { id: string; rps: number; p50: number; p99: number }[];
  };
  return new Map(results.results.map((row) => [row.id, { rps: row.rps, p50: row.p50, p99: row.p99, failures: 0 }]));
}

async function main() {
  const { allFieldsKey, setsKey } = await prepareData();
  const list = await (await fetch(`${BASE_URL}/api/rest/people?limit=1`, { headers: { authorization: `Bearer ${INTERN_KEY}` } })).json();
  const personId = (list as { data: { id: string }[] }).data[0]?.id;
  if (!personId) throw new Error("No person visible to the Intern key");
  const scenarios: Scenario[] = [
    { id: "p", label: "GET /api/health (empty route)", method: "GET", path: "/api/health", key: null },
    { id: "a", label: "list 50 (Intern)", method: "GET", path: "/api/rest/people?limit=50", key: INTERN_KEY },
    { id: "b", label: "list 50 (all fields)", method: "GET", path: "/api/rest/people?limit=50", key: allFieldsKey },
    { id: "c", label: "get one (Intern)", method: "GET", path: `/api/rest/people/${personId}`, key: INTERN_KEY },
    { id: "d", label: "PATCH city (Intern)", method: "PATCH", path: `/api/rest/people/${personId}`, key: INTERN_KEY, body: JSON.stringify({ city: "Lyon" }) },
    ...(setsKey ? [{ id: "s", label: "list 50 (Intern + 3 sets)", method: "GET" as const, path: "/api/rest/people?limit=50", key: setsKey }] : []),
  ];
  for (const scenario of scenarios) await probe(scenario);

  const peer = runPeer();

  const results = new Map<string, autocannon.Result[]>(scenarios.map((scenario) => [scenario.id, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) {
      if (WARMUP > 0) await run(scenario, WARMUP);
      results.get(scenario.id)!.push(await run(scenario, DURATION));
    }
  }

  console.log(`\nRolecall at ${BASE_URL}, ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s (median of rounds)${peer ? "; Directus (bench/peers/directus) run just before" : ""}`);
  console.log(`${"".padEnd(32)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}${peer ? `   ${"Directus".padStart(8)} ${"p99".padStart(5)}   ratio` : ""}`);
  const rows = new Map<string, Row>();
  for (const scenario of scenarios) {
    const runs = results.get(scenario.id)!;
    const row: Row = {
      rps: median(runs.map((result) => result.requests.average)),
      p50: median(runs.map((result) => result.latency.p50)),
      p99: median(runs.map((result) => result.latency.p99)),
      failures: runs.reduce((sum, result) => sum + result.non2xx + result.errors, 0),
    };
    rows.set(scenario.id, row);
    const other = peer?.get(scenario.id);
    const versus = other ? `   ${other.rps.toFixed(0).padStart(8)} ${String(other.p99).padStart(5)}   ${(row.rps / other.rps).toFixed(2)}×` : "";
    console.log(
      `${scenario.label.padEnd(32)} ${row.rps.toFixed(0).padStart(7)} ${row.p50.toFixed(1).padStart(7)} ${row.p99.toFixed(1).padStart(7)}${versus}${row.failures ? `   (${row.failures} non-2xx or errors: rate limit on?)` : ""}`,
    );
  }
  const intern = rows.get("a")!;
  const allFields = rows.get("b")!;
  console.log(`\nIntern vs all-fields list: ${(((allFields.rps - intern.rps) / allFields.rps) * 100).toFixed(1)} % fewer req/s`);
  const withSets = rows.get("s");
  if (withSets) console.log(`Intern + 3 permission sets vs Intern list: ${(((intern.rps - withSets.rps) / intern.rps) * 100).toFixed(1)} % fewer req/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
