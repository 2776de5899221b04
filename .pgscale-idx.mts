import { execFileSync } from "node:child_process";
import pg from "pg";
import { fillPeoplePostgres } from "./bench/lib/bulk-people.ts";
import { createRecordIndexSql } from "./lib/records/indexes.ts";
import { postgresDialect } from "./lib/sql-dialect.ts";
const url = "postgresql://postgres:postgres@127.0.0.1:39399/pgscale_idx";
const env = { ...process.env, DATABASE_URL: url };
execFileSync("node", ["scripts/migrate.mjs"], { env, stdio: "ignore" });
execFileSync("node", ["--import", "tsx", "prisma/seed.ts"], { env, stdio: "ignore" });
let t = performance.now();
await fillPeoplePostgres(url, "Acme", 1_000_000);
console.log(`fill ${((performance.now() - t) / 1000).toFixed(1)} s`);
const c = new pg.Client({ connectionString: url });
await c.connect();
for (const [name, kind] of [["headcount", "number"], ["nickname", "text"]] as const) {
  t = performance.now();
  await c.query("BEGIN");
  await c.query(createRecordIndexSql(name, kind, postgresDialect));
  await c.query("COMMIT");
  console.log(`CREATE INDEX ${name} (${kind}) on 1M records: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
await c.end();
