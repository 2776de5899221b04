/**
 * A real server of this checkout (`npm start`'s server.ts) on a free port and a test database,
 * for tests that go through HTTP as clients do. Needs a production build (`npm test` makes it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = process.cwd();
export const built = existsSync(path.join(root, ".next", "BUILD_ID"));

export interface Instance {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): void;
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

/** Starts server.ts with `env` on top of this process's, and waits until /api/health answers. */
export async function startServer(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env, PORT: String(port) },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  for (let waited = 0; ; waited += 250) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, process: child, stop };
    } catch {
      if (waited > 60_000 || child.exitCode !== null) {
        stop();
        throw new Error(`server on ${port} did not come up`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
