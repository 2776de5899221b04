/**
 * Bulk-inserts people straight into SQLite for benchmarks: multi-row INSERTs in one transaction,
 * values shaped as the app stores them (JSON `data`, DateTime as Prisma's adapter writes it).
 */
import type Database from "better-sqlite3";

const CITIES = ["Paris", "Lyon", "Berlin", "Madrid", "Rome", "Lisbon", "Vienna", "Prague", "Dublin", "Oslo", "Warsaw", "Brussels", "Zurich", "Athens", "Helsinki", "Porto", "Milan", "Munich", "Seville", "Nantes"];
const FIRST = ["Ada", "Bruno", "Chloé", "Dmitri", "Émile", "Fatou", "Greta", "Hugo", "Inès", "Jonas", "Kenji", "Léa", "Marta", "Nils", "Olga", "Pablo"];
const LAST = ["Martin", "Bernard", "Dubois", "Schmidt", "García", "Rossi", "Novak", "Silva", "Kowalski", "Jansen", "Müller", "Svensson"];
const ROWS_PER_INSERT = 500;

export const benchEmail = (i: number) => `person${i}@scale.example`;

/** Adds people to the workspace's person object until it has `target` records; returns how many were added. */
export function fillPeople(sqlite: Database.Database, workspaceName: string, target: number): number {
  const object = sqlite
    .prepare(`SELECT o."id", o."workspaceId" FROM "ObjectMetadata" o JOIN "Workspace" w ON w."id" = o."workspaceId" WHERE w."name" = ? AND o."nameSingular" = 'person'`)
    .get(workspaceName) as { id: string; workspaceId: string };
  const count = (sqlite.prepare(`SELECT COUNT(*) AS n FROM "Record" WHERE "objectMetadataId" = ?`).get(object.id) as { n: number }).n;
  if (count >= target) return 0;
  const values = Array.from({ length: ROWS_PER_INSERT }, () => "(?, ?, ?, ?, ?, ?)").join(", ");
  const insert = sqlite.prepare(`INSERT INTO "Record" ("id", "workspaceId", "objectMetadataId", "data", "createdAt", "updatedAt") VALUES ${values}`);
  const base = Date.UTC(2020, 0, 1);
  sqlite.transaction(() => {
    for (let start = count; start < target; start += ROWS_PER_INSERT) {
      const params: string[] = [];
      for (let i = start; i < start + ROWS_PER_INSERT; i++) {
        const name = `${FIRST[i % FIRST.length]} ${LAST[(i >> 4) % LAST.length]} ${i}`;
        const data = JSON.stringify({ name, email: benchEmail(i), city: CITIES[(i * 7) % CITIES.length], jobTitle: i % 3 ? "Engineer" : "Sales", phone: `+33 1 ${String(i).padStart(8, "0")}` });
        // One second apart, as ISO text with +00:00: how Prisma's SQLite adapter stores DateTime.
        const at = new Date(base + i * 1000).toISOString().replace("Z", "+00:00");
        params.push(`bulk${String(i).padStart(9, "0")}`, object.workspaceId, object.id, data, at, at);
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
