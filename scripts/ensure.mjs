#!/usr/bin/env node
/**
 * Brings a fresh clone to a runnable state before `npm start`, `npm run dev` and `npm test`:
 * installs dependencies, generates the Prisma client, creates a session secret, migrates and
 * seeds the database (start/dev), installs Debian's chromium (test) and builds when stale.
 * Node built-ins only: it runs before `node_modules` exists.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv[2] ?? "start";
// This machine may have no route to the telemetry endpoint; never try.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const CHROMIUM = "/usr/bin/chromium";

function step(message) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

function run(command, env = {}) {
  const result = spawnSync(command, { cwd: root, stdio: "inherit", shell: true, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ "${command}" failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function mtime(file) {
  try {
    return statSync(path.join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of anything under the given paths (skipping generated folders). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (absolute) => {
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(absolute)) {
        if (entry === "node_modules" || entry === ".next" || entry.endsWith(".db") || entry.startsWith(".")) continue;
        visit(path.join(absolute, entry));
      }
    } else if (stats.mtimeMs > newest) {
      newest = stats.mtimeMs;
    }
  };
  for (const entry of paths) visit(path.join(root, entry));
  return newest;
}

function ensureDependencies() {
  const installedAt = mtime("node_modules/.package-lock.json");
  if (installedAt === 0 || installedAt < mtime("package-lock.json")) {
    step("Installing dependencies (npm ci)…");
    run("npm ci --no-audit --no-fund");
  }
}

const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

function ensurePrismaClient() {
  // @prisma/client's own postinstall leaves a stub client when its `prisma generate` fails, as it
  // does under a postgresql:// DATABASE_URL (the source schema is SQLite's): only a generated
  // client has its schema.prisma beside it.
  const generated = existsSync(path.join(root, "node_modules/.prisma/client/schema.prisma"));
  if (!generated || mtime("node_modules/.prisma/client/index.js") < mtime("prisma/schema.prisma")) {
    step("Generating the Prisma client…");
    run("npx prisma generate", { DATABASE_URL: "file:./prisma/dev.db" });
  }
  // The PostgreSQL client (scripts/prisma-postgres.mjs): for a postgresql:// DATABASE_URL, and for
  // the tests, which run the integration suite on PostgreSQL too.
  if ((onPostgres || mode === "test") && mtime("node_modules/.prisma-pg/client/index.js") < mtime("prisma/postgres/schema.prisma")) {
    step("Generating the PostgreSQL Prisma client…");
    run("node scripts/prisma-postgres.mjs --generate");
  }
}

/** A per-clone secret that signs session cookies; kept out of git in .env.local. */
function ensureSessionSecret() {
  if (process.env.SESSION_SECRET) return;
  const envFile = path.join(root, ".env.local");
  const current = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
  if (/^SESSION_SECRET=/m.test(current)) return;
  step("Creating a session secret in .env.local…");
  appendFileSync(envFile, `${current && !current.endsWith("\n") ? "\n" : ""}SESSION_SECRET=${randomBytes(32).toString("hex")}\n`);
}

/** Migrates, seeds an empty database (the demo unless SEED_DEMO=0), says whether the demo is there and /setup still open. */
function ensureDatabase() {
  // A PostgreSQL URL may carry a password: never print it.
  const shown = (process.env.DATABASE_URL ?? "file:./prisma/dev.db").replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  step(`Applying migrations to ${shown}…`);
  // Our own applier, not `prisma migrate deploy`: it waits for another process's lock (scripts/migrate.mjs).
  run("node scripts/migrate.mjs");
  // The seed script itself refuses to touch a database that already has data.
  const result = spawnSync("node --import tsx prisma/seed.ts", { cwd: root, stdio: ["inherit", "pipe", "inherit"], shell: true, encoding: "utf8" });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) {
    console.error(`\n✖ seeding the database failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  return { hasDemo: /^demo: yes$/m.test(result.stdout ?? ""), setupOpen: /^setup: open$/m.test(result.stdout ?? "") };
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  step("Installing Debian's chromium for the end-to-end tests (apt-get)…");
  const sudo = process.getuid && process.getuid() === 0 ? "" : "sudo ";
  run(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, { DEBIAN_FRONTEND: "noninteractive" });
}

const BUILD_INPUTS = ["app", "components", "lib", "messages", "public", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function ensureBuild() {
  const builtAt = mtime(".next/BUILD_ID");
  if (builtAt === 0 || builtAt < newestMtime(BUILD_INPUTS)) {
    step("Building the app (next build)…");
    run("npx next build");
  }
}

ensureDependencies();
ensurePrismaClient();
let database = { hasDemo: false, setupOpen: false };
if (mode === "start" || mode === "dev") {
  ensureSessionSecret();
  database = ensureDatabase();
}
if (mode === "start") {
  ensureBuild();
  const port = process.env.PORT ?? "3000";
  console.log(`\n  Rolecall is starting on \x1b[1mhttp://localhost:${port}\x1b[0m`);
  if (database.hasDemo) console.log("  Demo sign-in: admin@acme.dev / rolecall-demo (also ada@, mia@, gus@, ian@acme.dev)\n");
  else if (database.setupOpen) console.log(`  No workspace yet: http://localhost:${port}/setup creates it and its first Admin.\n`);
  else console.log("");
}
if (mode === "test") {
  ensureChromium();
  ensureBuild();
}
