/**
 * What a record-level rule costs on the REST list (issue 11): `GET /api/rest/opportunities?limit=50`
 * through a key whose role sees only the opportunities whose Stage is not Customer, against the
 * same role without the rule, on ROWS opportunities (default 100,000). Keys have no `Me`, so the
 * rule is a plain condition. Both run in one process against one server, alternating rounds.
 * Prints req/s, p50, p99 and the ratio; no asserts.
 *
 *   npm run bench:record-rules            # ROWS, DURATION (s, default 8), CONNECTIONS (10), ROUNDS (2)
 *
 * It builds its own database in the OS temp folder (migrations, demo seed, bulk-inserted rows) and
 * starts `next start` on PORT (default 3700) with the existing build (`npm run build` first).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createPrismaClient } from "../lib/db/prisma";
import { OPPORTUNITY_STAGES } from "../lib/metadata/standard-objects";
import { createApiKey, createRole, type ObjectIndex } from "../prisma/factories";

const ROWS = Number(process.env.ROWS ?? 100_000);
const DURATION = Number(process.env.DURATION ?? 8);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const PORT = Number(process.env.PORT ?? 3700);
const BASE_URL = `http://localhost:${PORT}`;
const PATH = "/api/rest/opportunities?limit=50";
const file = path.join(os.tmpdir(), `rolecall-bench-rules-${process.pid}.db`);
const env = { ...process.env, DATABASE_URL: `file:${file}`, API_RATE_LIMIT_PER_MINUTE: "0", SESSION_SECRET: process.env.SESSION_SECRET ?? "bench-only-session-secret-0123456789abcdef" };

function sh(command: string, args: string[]) {
  const result = spawnSync(command, args, { env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

/** The demo workspace plus ROWS opportunities, inserted in one transaction. */
async function prepare() {
  sh(process.execPath, ["scripts/migrate.mjs"]);
  sh(process.execPath, ["--import", "tsx", "prisma/seed.ts"]);
  const sqlite = new Database(file);
  const { workspaceId, objectId } = sqlite
    .prepare(`SELECT o."workspaceId" AS workspaceId, o."id" AS objectId FROM "ObjectMetadata" o JOIN "Workspace" w ON w."id" = o."workspaceId" WHERE w."name" = 'Acme' AND o."nameSingular" = 'opportunity'`)
    .get() as { workspaceId: string; objectId: string };
  const existing = (sqlite.prepare(`SELECT COUNT(*) FROM "Record" WHERE "objectMetadataId" = ?`).pluck().get(objectId) as number) ?? 0;
  const insert = sqlite.prepare(`INSERT INTO "Record" ("id", "workspaceId", "objectMetadataId", "data", "position", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const started = Date.now();
  sqlite.transaction(() => {
    for (let i = existing; i < ROWS; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      const data = { name: `Bench deal ${i}`, amount: (i % 97) * 1000, stage: OPPORTUNITY_STAGES[i % OPPORTUNITY_STAGES.length], closeDate: "2027-06-01" };
      insert.run(randomUUID(), workspaceId, objectId, JSON.stringify(data), i, at, at);
    }
  })();
  sqlite.close();
  console.log(`${ROWS.toLocaleString("en")} opportunities ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const db = createPrismaClient(env.DATABASE_URL);
  try {
    const objects = await db.objectMetadata.findMany({ where: { workspaceId }, include: { fields: true } });
    const index: ObjectIndex = Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
    const plain = await createRole(db, workspaceId, index, { name: "Bench readers", canSeeAllObjects: true });
    const ruled = await createRole(db, workspaceId, index, {
      name: "Bench open deals",
      canSeeAllObjects: true,
      objectRules: [{ object: "opportunity", canSee: true, recordRule: { mode: "match", join: "all", conditions: [{ field: "stage", operator: "neq", value: "CUSTOMER" }] } }],
    });
    await createApiKey(db, { workspaceId, name: "Bench plain", secret: "bench-plain-key", roleId: plain.id });
    await createApiKey(db, { workspaceId, name: "Bench ruled", secret: "bench-ruled-key", roleId: ruled.id });
  } finally {
    await db.$disconnect();
  }
}

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start");
}

const run = (key: string, duration: number) => autocannon({ url: BASE_URL + PATH, connections: CONNECTIONS, duration, headers: { authorization: `Bearer ${key}` } });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  await prepare();
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], { env, stdio: "ignore", detached: true });
  try {
    await waitForServer();
    const contenders = [
      { label: "without a rule", key: "bench-plain-key" },
      { label: "Stage is not Customer", key: "bench-ruled-key" },
    ];
    for (const contender of contenders) {
      const response = await fetch(BASE_URL + PATH, { headers: { authorization: `Bearer ${contender.key}` } });
      if (response.status !== 200) throw new Error(`${contender.label}: ${response.status} ${await response.text()}`);
      await run(contender.key, 2);
    }
    const results = new Map<string, autocannon.Result[]>(contenders.map((contender) => [contender.label, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) results.get(contender.label)!.push(await run(contender.key, DURATION));
    }
    console.log(`\nGET ${PATH} on ${ROWS.toLocaleString("en")} opportunities, ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s (median of rounds)`);
    const rows = contenders.map((contender) => {
      const runs = results.get(contender.label)!;
      const row = { label: contender.label, rps: median(runs.map((r) => r.requests.average)), p50: median(runs.map((r) => r.latency.p50)), p99: median(runs.map((r) => r.latency.p99)) };
      console.log(`${row.label.padEnd(24)} ${row.rps.toFixed(0).padStart(6)} req/s   p50 ${row.p50.toFixed(1).padStart(6)} ms   p99 ${row.p99.toFixed(1).padStart(6)} ms`);
      return row;
    });
    console.log(`\nwith rule / without: ${(rows[1].rps / rows[0].rps).toFixed(2)} (goal ≥ 0.90)`);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
