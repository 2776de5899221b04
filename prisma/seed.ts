/**
 * Seeds the demo workspace into an empty database, unless SEED_DEMO=0 (a real deployment, whose
 * workspace and first Admin are created on /setup). An existing database is never wiped or
 * re-seeded: running this twice is safe.
 *
 * The last lines say whether the database holds the demo (`demo: yes|no`) and whether /setup is
 * still to be done (`setup: open|done`), so that scripts/ensure.mjs prints the demo sign-in only
 * when it works.
 */
import { createPrismaClient } from "@/lib/db/prisma";
import { DEMO_WORKSPACE_NAME } from "./demo-accounts";
import { seedDemoWorkspace } from "./demo-workspace";

async function main() {
  const db = createPrismaClient();
  try {
    if ((await db.workspace.count()) > 0) {
      console.log("Database already has data: seed skipped.");
    } else if (process.env.SEED_DEMO === "0") {
      console.log("SEED_DEMO=0: no demo workspace. The first visit opens /setup to create the workspace and its first Admin.");
    } else {
      const started = Date.now();
      await seedDemoWorkspace(db);
      const records = await db.record.count();
      console.log(`Seeded the "${DEMO_WORKSPACE_NAME}" demo workspace (${records} records) in ${Date.now() - started} ms.`);
    }
    console.log(`demo: ${(await db.workspace.count({ where: { isDemo: true } })) > 0 ? "yes" : "no"}`);
    console.log(`setup: ${(await db.workspace.count()) === 0 ? "open" : "done"}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
