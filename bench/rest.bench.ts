/**
 * REST list throughput against a running server: `GET /api/rest/people?limit=50` with the Intern
 * key (object, field rules and masking at work) and with an Admin-role key (everything visible).
 * Prints req/s and p50/p99 latency of each, and their ratio. No asserts: numbers to compare.
 *
 *   npm start                                          # or any server; set API_RATE_LIMIT_PER_MINUTE=0
 *   BASE_URL=http://localhost:3000 npm run bench:rest
 *
 * Environment:
 *   BASE_URL      server to measure (default http://localhost:3000)
 *   ADMIN_KEY     secret of an Admin-role key. Without it, when DATABASE_URL names the server's
 *                 database, the bench creates `bench-admin-key` there with the factories; otherwise
 *                 it falls back to `demo-default-key` (Member role) and says so.
 *   DURATION      seconds per measured run (default 10); CONNECTIONS (default 10); ROUNDS (default 2)
 */
import autocannon from "autocannon";
import { hashApiKeySecret } from "../lib/api-keys/secret";
import { createPrismaClient } from "../lib/db";
import { createApiKey } from "../prisma/factories";

const BASE_URL = (process.env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const PATH = "/api/rest/people?limit=50";
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const INTERN_KEY = "demo-intern-key";
const BENCH_ADMIN_SECRET = "bench-admin-key";

interface Contender {
  readonly label: string;
  readonly key: string;
}

/** An Admin-role key: given, created in the server's database, or the default key as a stand-in. */
async function adminContender(): Promise<Contender> {
  if (process.env.ADMIN_KEY) return { label: "Admin key", key: process.env.ADMIN_KEY };
  if (!process.env.DATABASE_URL) {
    console.log("No ADMIN_KEY nor DATABASE_URL: comparing with demo-default-key (Member role) instead of an Admin key.");
    return { label: "default key (Member)", key: "demo-default-key" };
  }
  const db = createPrismaClient(process.env.DATABASE_URL);
  try {
    const existing = await db.apiKey.findUnique({ where: { secretHash: hashApiKeySecret(BENCH_ADMIN_SECRET) } });
    if (!existing) {
      const workspace = await db.workspace.findFirstOrThrow({ where: { name: "Acme" } });
      const admin = await db.role.findFirstOrThrow({ where: { workspaceId: workspace.id, isAdmin: true } });
      await createApiKey(db, { workspaceId: workspace.id, name: "Bench admin", secret: BENCH_ADMIN_SECRET, roleId: admin.id });
      console.log(`Created the Admin-role key ${BENCH_ADMIN_SECRET} in ${process.env.DATABASE_URL}.`);
    }
  } finally {
    await db.$disconnect();
  }
  return { label: "Admin key", key: BENCH_ADMIN_SECRET };
}

/** One request first, so a wrong key or URL fails loudly instead of benchmarking 401s. */
async function probe(contender: Contender) {
  const response = await fetch(BASE_URL + PATH, { headers: { authorization: `Bearer ${contender.key}` } });
  if (response.status !== 200) throw new Error(`${contender.label}: ${PATH} answered ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { data: Record<string, unknown>[] };
  const fields = Object.keys(body.data[0] ?? {}).length;
  console.log(`${contender.label.padEnd(22)} ${body.data.length} records of ${fields} keys per page`);
}

function run(contender: Contender, duration: number) {
  return autocannon({
    url: BASE_URL + PATH,
    connections: CONNECTIONS,
    duration,
    headers: { authorization: `Bearer ${contender.key}` },
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const contenders = [{ label: "Intern key", key: INTERN_KEY }, await adminContender()];
  for (const contender of contenders) await probe(contender);

  // Warm both paths (JIT, permission cache, SQLite page cache) before measuring.
  for (const contender of contenders) await run(contender, 2);

  const results = new Map<string, autocannon.Result[]>(contenders.map((contender) => [contender.label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so that neither side always runs on a warmer machine.
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) results.get(contender.label)!.push(await run(contender, DURATION));
  }

  console.log(`\nGET ${PATH}, ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s each (median of rounds)`);
  const summary = contenders.map((contender) => {
    const runs = results.get(contender.label)!;
    const failures = runs.reduce((sum, result) => sum + result.non2xx + result.errors, 0);
    const row = {
      label: contender.label,
      rps: median(runs.map((result) => result.requests.average)),
      p50: median(runs.map((result) => result.latency.p50)),
      p99: median(runs.map((result) => result.latency.p99)),
    };
    console.log(
      `${row.label.padEnd(22)} ${row.rps.toFixed(0).padStart(7)} req/s   p50 ${row.p50.toFixed(1).padStart(6)} ms   p99 ${row.p99.toFixed(1).padStart(6)} ms${failures ? `   (${failures} non-2xx or errors: rate limit on?)` : ""}`,
    );
    return row;
  });
  const [intern, admin] = summary;
  console.log(`\nIntern / ${admin.label} throughput ratio: ${(intern.rps / admin.rps).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
