#!/usr/bin/env node
/**
 * The peer of `npm run bench:rest`: Directus (the release pinned in ./package.json and its lock
 * file, from the npm registry) on SQLite, holding the same 10,000 people and the same Intern policy
 * as Rolecall's demo (read every field but address; update name, phone, city and job title), loaded
 * with the same scenarios, client and connection count. Prints a table and writes
 * `<work dir>/results.json`, which bench/rest.bench.ts reads for its ratios.
 *
 *   node bench/peers/directus/harness.mjs [work dir]        # default /tmp/rolecall-directus
 *
 * Environment: DURATION (20 s), WARMUP (3 s), CONNECTIONS (10), ROUNDS (3), ROWS (10000),
 * PORT (8055), ONLY (a comma list of scenario ids: p,a,b,c,d,e).
 *
 * The first run installs Directus into the work dir (`npm ci`, about 3 minutes on 2 cores: sqlite3
 * and isolated-vm compile from source). Every run starts from an empty database: bootstrap, seed
 * through Directus's own REST API, check the policy answers as Rolecall's Intern does, measure,
 * stop. Directus runs with its response cache, rate limiter and load shedding off, so what is
 * measured is its request path and permission checks; it writes its activity and revision rows
 * on each PATCH, as it does by default. The server is one process, started here and stopped by
 * its pid; all traffic stays on 127.0.0.1.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRequire = createRequire(path.join(here, "..", "..", "..", "package.json"));
const autocannon = projectRequire("autocannon");

const workDir = path.resolve(process.argv[2] ?? process.env.PEER_DIR ?? "/tmp/rolecall-directus");
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const DURATION = env("DURATION", 20);
const WARMUP = env("WARMUP", 3);
const CONNECTIONS = env("CONNECTIONS", 10);
const ROUNDS = env("ROUNDS", 3);
const ROWS = env("ROWS", 10_000);
const PORT = env("PORT", 8055);
const ONLY = (process.env.ONLY ?? "p,a,b,c,d,e").split(",").map((id) => id.trim());
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "admin@peer-bench.com", password: "peer-admin-password-1", token: "peer-admin-static-token" };
const INTERN = { email: "intern@peer-bench.com", password: "peer-intern-password-1", token: "peer-intern-static-token" };
const PINNED = JSON.parse(readFileSync(path.join(here, "package.json"), "utf8")).dependencies.directus;

const started = Date.now();
const log = (message) => console.log(`[directus ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/** node_modules of the work dir holding the pinned Directus, installed from the lock file when not. */
function install() {
  mkdirSync(workDir, { recursive: true });
  const installed = (() => {
    try {
      return JSON.parse(readFileSync(path.join(workDir, "node_modules", "directus", "package.json"), "utf8")).version;
    } catch {
      return null;
    }
  })();
  if (installed === PINNED) return;
  for (const file of ["package.json", "package-lock.json"]) copyFileSync(path.join(here, file), path.join(workDir, file));
  log(`installing directus@${PINNED} into ${workDir} (npm ci; native modules compile, ~3 min)`);
  try {
    execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--foreground-scripts"], { cwd: workDir, stdio: ["ignore", "ignore", "pipe"], timeout: 1_200_000 });
  } catch (error) {
    throw new Error(`npm ci of directus@${PINNED} failed: ${String(error.stderr ?? error.message).slice(-1500)}`);
  }
}

const directusCli = () => path.join(workDir, "node_modules", "@directus", "api", "dist", "cli", "run.js");

/** A fresh database and the settings that leave Directus's own request path to be measured. */
function configure() {
  const settings = {
    HOST: "127.0.0.1",
    PORT: String(PORT),
    PUBLIC_URL: BASE,
    DB_CLIENT: "sqlite3",
    DB_FILENAME: path.join(workDir, "peer.db"),
    KEY: "rolecall-peer-directus-key-0000000000",
    SECRET: "rolecall-peer-directus-secret-000000000",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    TELEMETRY: "false",
    CACHE_ENABLED: "false",
    RATE_LIMITER_ENABLED: "false",
    RATE_LIMITER_GLOBAL_ENABLED: "false",
    PRESSURE_LIMITER_ENABLED: "false",
    WEBSOCKETS_ENABLED: "false",
    LOG_LEVEL: "warn",
    LOG_STYLE: "raw",
    EXTENSIONS_PATH: path.join(workDir, "extensions"),
    STORAGE_LOCATIONS: "local",
    STORAGE_LOCAL_ROOT: path.join(workDir, "uploads"),
  };
  for (const dir of ["extensions", "uploads"]) mkdirSync(path.join(workDir, dir), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(settings.DB_FILENAME + suffix, { force: true });
  writeFileSync(path.join(workDir, ".env"), Object.entries(settings).map(([key, value]) => `${key}=${value}`).join("\n") + "\n");
  return { ...process.env, ...settings };
}

/** A Directus left running by an interrupted run of this harness in this work dir. */
function stopLeftover() {
  const pidFile = path.join(workDir, "server.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("directus")) process.kill(pid, "SIGTERM");
  } catch {
    // gone already
  }
  rmSync(pidFile, { force: true });
}

async function startServer(environment) {
  log("bootstrap");
  execFileSync(process.execPath, [directusCli(), "bootstrap"], { cwd: workDir, env: environment, stdio: ["ignore", "ignore", "pipe"], timeout: 180_000 });
  const server = spawn(process.execPath, [directusCli(), "start"], { cwd: workDir, env: environment, stdio: ["ignore", "ignore", "pipe"] });
  writeFileSync(path.join(workDir, "server.pid"), String(server.pid));
  let stderr = "";
  server.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  for (let waited = 0; ; waited += 500) {
    if (server.exitCode !== null) throw new Error(`Directus exited while starting: ${stderr}`);
    try {
      if ((await fetch(`${BASE}/server/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (waited > 90_000) throw new Error(`Directus did not answer within 90 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`up, pid ${server.pid}, RSS ${rssMiB(server.pid).toFixed(0)} MiB`);
  return server;
}

function rssMiB(pid, field = "VmRSS") {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function call(method, route, token, body) {
  const response = await fetch(BASE + route, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function must(method, route, token, body) {
  const answer = await call(method, route, token, body);
  if (answer.status >= 300) throw new Error(`${method} ${route} answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 400)}`);
  return answer.json;
}

const CITIES = ["Paris", "Lyon", "Berlin", "Madrid", "Rome", "Lisbon", "Vienna", "Prague", "Dublin", "Oslo", "Warsaw", "Brussels", "Zurich", "Athens", "Helsinki", "Porto", "Milan", "Munich", "Seville", "Nantes"];
const JOBS = ["Engineer", "Sales", "Designer", "Support"];

/** The collection, its rows, the Intern policy, role and user, through Directus's REST API. */
async function seed() {
  const login = await must("POST", "/auth/login", null, { email: ADMIN.email, password: ADMIN.password });
  await must("PATCH", "/users/me", login.data.access_token, { token: ADMIN.token });
  const text = (field) => ({ field, type: "string", meta: { interface: "input" }, schema: {} });
  await must("POST", "/collections", ADMIN.token, {
    collection: "people",
    schema: {},
    meta: {},
    fields: [
      { field: "id", type: "integer", meta: { hidden: true, readonly: true }, schema: { is_primary_key: true, has_auto_increment: true } },
      ...["name", "email", "phone", "address", "city", "job_title"].map(text),
    ],
  });
  const BATCH = 1_000;
  for (let from = 0; from < ROWS; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ROWS - from) }, (_, k) => {
      const i = from + k;
      return { name: `Person ${i}`, email: `person${i}@peer-bench.com`, phone: `+33 1 ${String(i).padStart(8, "0")}`, address: `${i % 300} Main Street`, city: CITIES[(i * 7) % CITIES.length], job_title: JOBS[i % JOBS.length] };
    });
    await must("POST", "/items/people?fields=id", ADMIN.token, rows);
  }
  const policy = (await must("POST", "/policies", ADMIN.token, { name: "Intern", icon: "school", app_access: false, admin_access: false, enforce_tfa: false })).data;
  await must("POST", "/permissions", ADMIN.token, [
    { policy: policy.id, collection: "people", action: "read", fields: ["id", "name", "email", "phone", "city", "job_title"], permissions: {}, validation: {} },
    { policy: policy.id, collection: "people", action: "update", fields: ["name", "phone", "city", "job_title"], permissions: {}, validation: {} },
  ]);
  const role = (await must("POST", "/roles", ADMIN.token, { name: "Intern", icon: "school" })).data;
  await must("POST", "/access", ADMIN.token, { role: role.id, policy: policy.id });
  const user = (await must("POST", "/users", ADMIN.token, { email: INTERN.email, password: INTERN.password, role: role.id, status: "active" })).data;
  await must("PATCH", `/users/${user.id}`, ADMIN.token, { token: INTERN.token });
  log(`seeded ${ROWS} people, the Intern policy and its user`);
}

/** The same answers Rolecall's Intern gets, or no comparison is made. */
async function checkPolicy(recordId) {
  const failures = [];
  const expect = (ok, what) => ok || failures.push(what);
  const list = await call("GET", "/items/people?limit=50", INTERN.token);
  expect(list.status === 200 && list.json.data.length === 50 && list.json.data.every((row) => !("address" in row)), "the Intern's list has 50 rows without address");
  const all = await call("GET", "/items/people?limit=50", ADMIN.token);
  expect(all.status === 200 && "address" in all.json.data[0], "the admin's list has address");
  expect((await call("GET", `/items/people/${recordId}?fields=address`, INTERN.token)).status === 403, "asking the Intern's hidden field is refused");
  expect((await call("PATCH", `/items/people/${recordId}`, INTERN.token, { city: "Lyon" })).status === 200, "the Intern may change city");
  expect((await call("PATCH", `/items/people/${recordId}`, INTERN.token, { email: "x@peer-bench.com" })).status === 403, "the Intern may not change email");
  expect((await call("GET", `/items/people/${recordId}`, ADMIN.token)).json?.data?.email === `person${recordId - 1}@peer-bench.com`, "the refused change changed nothing");
  if (failures.length) throw new Error(`Directus does not answer as the Intern policy should: ${failures.join("; ")}`);
  log("policy checks passed");
}

function load(scenario, duration) {
  return autocannon({
    url: BASE + scenario.path,
    method: scenario.method,
    connections: CONNECTIONS,
    duration,
    headers: { "content-type": "application/json", ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}) },
    ...(scenario.body ? { body: scenario.body } : {}),
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(server, recordId) {
  const scenarios = [
    { id: "p", label: "GET /server/ping (no auth)", method: "GET", path: "/server/ping", expect: 200 },
    { id: "a", label: "list 50 (Intern)", method: "GET", path: "/items/people?limit=50", token: INTERN.token, expect: 200 },
    { id: "b", label: "list 50 (admin, all fields)", method: "GET", path: "/items/people?limit=50", token: ADMIN.token, expect: 200 },
    { id: "c", label: "get one (Intern)", method: "GET", path: `/items/people/${recordId}`, token: INTERN.token, expect: 200 },
    { id: "d", label: "PATCH city (Intern)", method: "PATCH", path: `/items/people/${recordId}`, token: INTERN.token, body: JSON.stringify({ city: "Lyon" }), expect: 200 },
    { id: "e", label: "PATCH email (Intern), refused", method: "PATCH", path: `/items/people/${recordId}`, token: INTERN.token, body: JSON.stringify({ email: "x@peer-bench.com" }), expect: 403 },
  ].filter((scenario) => ONLY.includes(scenario.id));
  const runs = new Map(scenarios.map((scenario) => [scenario.id, []]));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(server.pid) || 0)), 250);
  for (let round = 0; round < ROUNDS; round++) {
    for (const scenario of scenarios) {
      if (WARMUP > 0) await load(scenario, WARMUP);
      const result = await load(scenario, DURATION);
      const unexpected = scenario.expect === 200 ? result.non2xx : result.requests.total - (result.statusCodeStats?.[String(scenario.expect)]?.count ?? 0);
      runs.get(scenario.id).push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, unexpected: unexpected + result.errors });
      log(`round ${round + 1}/${ROUNDS} ${scenario.label}: ${result.requests.average.toFixed(0)} req/s`);
    }
  }
  clearInterval(sampler);
  const results = scenarios.map((scenario) => {
    const rounds = runs.get(scenario.id);
    return {
      id: scenario.id,
      label: scenario.label,
      rps: median(rounds.map((run) => run.rps)),
      p50: median(rounds.map((run) => run.p50)),
      p99: median(rounds.map((run) => run.p99)),
      rounds: rounds.map((run) => Math.round(run.rps)),
      unexpected: rounds.reduce((sum, run) => sum + run.unexpected, 0),
    };
  });
  return { results, peakRssMiB: Math.round(peakRss) };
}

async function main() {
  install();
  stopLeftover();
  const server = await startServer(configure());
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
    rmSync(path.join(workDir, "server.pid"), { force: true });
  };
  process.once("exit", stop);
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  try {
    await seed();
    const recordId = 123;
    await checkPolicy(recordId);
    const { results, peakRssMiB } = await measure(server, recordId);
    const summary = { directus: PINNED, node: process.version, date: new Date().toISOString(), rows: ROWS, connections: CONNECTIONS, duration: DURATION, rounds: ROUNDS, peakRssMiB, results };
    writeFileSync(path.join(workDir, "results.json"), JSON.stringify(summary, null, 2));
    console.log(`\nDirectus ${PINNED} on SQLite, ${ROWS} people, ${CONNECTIONS} connections, median of ${ROUNDS} × ${DURATION} s`);
    for (const row of results) {
      console.log(`  (${row.id}) ${row.label.padEnd(32)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${String(row.p50).padStart(3)} ms  p99 ${String(row.p99).padStart(4)} ms  rounds ${row.rounds.join("/")}${row.unexpected ? `  (${row.unexpected} unexpected answers)` : ""}`);
    }
    console.log(`  server RSS peak ${peakRssMiB} MiB; results in ${path.join(workDir, "results.json")}`);
    if (results.some((row) => row.unexpected > 0)) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
