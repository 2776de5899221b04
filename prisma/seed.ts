/**
 * Seeds the demo workspace into an empty database. An existing database is never
 * wiped or re-seeded: running this twice is safe.
 */
import { createPrismaClient } from "@/lib/db";
import { DEMO_WORKSPACE_NAME } from "./demo-accounts";
import { seedDemoWorkspace } from "./demo-workspace";

async function main() {
  const db = createPrismaClient();
  try {
    if ((await db.workspace.count()) > 0) {
      console.log("Database already has data: seed skipped.");
      return;
    }
    const started = Date.now();
    await seedDemoWorkspace(db);
    const records = await db.record.count();
    console.log(`Seeded the "${DEMO_WORKSPACE_NAME}" demo workspace (${records} records) in ${Date.now() - started} ms.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
