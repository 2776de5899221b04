/**
 * Bulk-inserts people straight into the database for benchmarks: multi-row INSERTs in one
 * transaction, values shaped as the app stores them (JSON `data`, DateTime as Prisma's adapter
 * writes it). SQLite through better-sqlite3, PostgreSQL through `pg` (which @prisma/adapter-pg
 * brings); the same people either way, then fresh planner statistics.
 */
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../../lib/db/sql-dialect";

const CITIES = ["Paris", "Lyon", "Berlin", "Madrid", "Rome", "Lisbon", "Vienna", "Prague", "Dublin", "Oslo", "Warsaw", "Brussels", "Zurich", "Athens", "Helsinki", "Porto", "Milan", "Munich", "Seville", "Nantes"];
const FIRST = ["Ada", "Bruno", "Chloé", "Dmitri", "Émile", "Fatou", "Greta", "Hugo", "Inès", "Jonas", "Kenji", "Léa", "Marta", "Nils", "Olga", "Pablo"];
const LAST = ["Martin", "Bernard", "Dubois", "Schmidt", "García", "Rossi", "Novak", "Silva", "Kowalski", "Jansen", "Müller", "Svensson"];
const ROWS_PER_INSERT = 500;
/** 6 parameters a row: 6,000 a statement, well under PostgreSQL's 65,535. */
const POSTGRES_ROWS_PER_INSERT = 1000;
const BASE = Date.UTC(2020, 0, 1);

export const benchEmail = (i: number) => `person${i}@scale.example`;

/** A word one person in 100,000 has in their job title: a rare term (≤ 10 records at 1M) for search. */
export const RARE_WORD = "Harpsichord";
const jobTitle = (i: number) => (i % 100_000 === 77_777 ? `${RARE_WORD} restorer` : i % 3 ? "Engineer" : "Sales");

/** Person number i: id, JSON data and creation date (one second apart). */
function person(i: number) {
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 4) % LAST.length]} ${i}`;
  const data = JSON.stringify({ name, email: benchEmail(i), city: CITIES[(i * 7) % CITIES.length], jobTitle: jobTitle(i), phone: `+33 1 ${String(i).padStart(8, "0")}` });
  return { id: `bulk${String(i).padStart(9, "0")}`, data, at: new Date(BASE + i * 1000).toISOString() };
}

const PERSON_OBJECT = `SELECT o."id", o."workspaceId" FROM "ObjectMetadata" o JOIN "Workspace" w ON w."id" = o."workspaceId" WHERE w."name" = ? AND o."nameSingular" = 'person'`;

/** Adds people to the workspace's person object until it has `target` records; returns how many were added. */
export function fillPeople(sqlite: Database.Database, workspaceName: string, target: number): number {
  const object = sqlite.prepare(PERSON_OBJECT).get(workspaceName) as { id: string; workspaceId: string };
  const count = (sqlite.prepare(`SELECT COUNT(*) AS n FROM "Record" WHERE "objectMetadataId" = ?`).get(object.id) as { n: number }).n;
  if (count >= target) return 0;
  const values = Array.from({ length: ROWS_PER_INSERT }, () => "(?, ?, ?, ?, ?, ?)").join(", ");
  const insert = sqlite.prepare(`INSERT INTO "Record" ("id", "workspaceId", "objectMetadataId", "data", "createdAt", "updatedAt") VALUES ${values}`);
  sqlite.transaction(() => {
    for (let start = count; start < target; start += ROWS_PER_INSERT) {
      const params: string[] = [];
      for (let i = start; i < start + ROWS_PER_INSERT; i++) {
        const { id, data, at } = person(i);
        // ISO text with +00:00: how Prisma's SQLite adapter stores DateTime.
        const stored = at.replace("Z", "+00:00");
        params.push(id, object.workspaceId, object.id, data, stored, stored);
      }
      insert.run(...params);
    }
  })();
  // Fresh planner statistics, as `PRAGMA optimize` would gather on a long-running database.
  sqlite.exec("ANALYZE");
  // Fold the big transaction back into the database file: readers would otherwise search a huge WAL.
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  return target - count;
}

/** As fillPeople, on PostgreSQL: 1,000-row INSERTs in one transaction, then VACUUM ANALYZE. */
export async function fillPeoplePostgres(url: string, workspaceName: string, target: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; workspaceId: string }>(PERSON_OBJECT.replace("?", "$1"), [workspaceName]);
    const object = rows[0];
    if (!object) throw new Error(`No person object in workspace ${workspaceName}`);
    const counted = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "Record" WHERE "objectMetadataId" = $1`, [object.id]);
    const count = Number(counted.rows[0].n);
    if (count >= target) return 0;
    await client.query("BEGIN");
    try {
      for (let start = count; start < target; start += POSTGRES_ROWS_PER_INSERT) {
        const end = Math.min(target, start + POSTGRES_ROWS_PER_INSERT);
        const params: string[] = [];
        const tuples: string[] = [];
        for (let i = start; i < end; i++) {
          const { id, data, at } = person(i);
          const n = params.length;
          tuples.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6})`);
          // TIMESTAMP(3) without time zone, as Prisma's PostgreSQL schema has it: UTC wall time.
          params.push(id, object.workspaceId, object.id, data, at, at);
        }
        await client.query(`INSERT INTO "Record" ("id", "workspaceId", "objectMetadataId", "data", "createdAt", "updatedAt") VALUES ${tuples.join(", ")}`, params);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    // As autovacuum would soon after: fresh statistics, and the trigram indexes' pending entries
    // (GIN's fast-update list, which a bulk insert fills) merged into the index proper.
    await client.query(`VACUUM ANALYZE "Record"`);
    return target - count;
  } finally {
    await client.end();
  }
}

/** Either database by its URL (file:… or postgresql://…). */
export async function fillPeopleAt(url: string, workspaceName: string, target: number): Promise<number> {
  if (isPostgresUrl(url)) return fillPeoplePostgres(url, workspaceName, target);
  const sqlite = new Database(path.resolve(url.replace(/^file:/, "")), { timeout: 15_000 });
  try {
    return fillPeople(sqlite, workspaceName, target);
  } finally {
    sqlite.close();
  }
}
