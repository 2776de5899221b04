import { createPrismaClient } from "./lib/db/prisma";
import { apiKeyPrincipal } from "./lib/access/principal";
import { listRecords } from "./lib/records";
const db = createPrismaClient(process.env.DATABASE_URL);
const k = await apiKeyPrincipal(db, "demo-default-key"); if (!k.ok) throw 1;
for (const term of ["Émile", "harpsichord", "100123@scale", "Zyxwvut", "Paris", "an"]) {
  const t: number[] = []; let n = 0;
  for (let i = 0; i < 15; i++) { const s = performance.now(); n = (await listRecords(db, k.principal, "people", { search: term, limit: 50 })).records.length; t.push(performance.now() - s); }
  t.sort((a, b) => a - b); console.log(term.padEnd(14), "p50", t[7].toFixed(1), "ms rows", n);
}
await db.$disconnect();
