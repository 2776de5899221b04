/** Servers and databases of their own for the HTTP benchmarks: what `npm start` serves (server.ts), on a port of its own. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { fillPeopleAt } from "./bulk-people";

const root = path.resolve(__dirname, "..", "..");
export const BENCH_SESSION_SECRET = "bench-session-secret-0123456789abcdef012345";

export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Migrates, seeds the demo workspace and tops People up to `people` (SQLite file or PostgreSQL URL). */
export async function prepareDatabase(url: string, people: number) {
  const env = { ...process.env, DATABASE_URL: url };
  await promisify(execFile)("node", ["scripts/migrate.mjs"], { cwd: root, env });
  await promisify(execFile)("node", ["--import", "tsx", "prisma/seed.ts"], { cwd: root, env });
  await fillPeopleAt(url, "Acme", people);
}

/** `workers`: WEB_CONCURRENCY, or undefined for the default (one worker per core). */
export async function startServer(databaseUrl: string, options: { workers?: string; env?: Record<string, string> } = {}): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SESSION_SECRET: BENCH_SESSION_SECRET, ...options.env };
  delete env.WEB_CONCURRENCY;
  if (options.workers) env.WEB_CONCURRENCY = options.workers;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env, stdio: "ignore", detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    try {
      // Every worker must be up: a few answers in a row.
      if ((await fetch(`${url}/api/health`)).ok && (await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      if (waited > 90_000 || child.exitCode !== null) throw new Error(`server on ${port} did not come up`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || !server.child.pid) return resolve();
    server.child.once("exit", () => resolve());
    process.kill(-server.child.pid, "SIGTERM");
  });
}

/** RSS in MiB of the server's processes (the primary, then its workers). */
export function rssOf(server: Server): number[] {
  const pid = server.child.pid!;
  const read = (id: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0) / 1024;
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no workers
  }
  return [pid, ...children].map((id) => Math.round(read(id)));
}
