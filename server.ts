/**
 * The production server (`npm start`): one HTTP port, two doors. The machine interfaces
 * (`/api/rest/*`, `/api/mcp`, `/api/health`) go straight to the Hono router of lib/api/router.ts;
 * pages, server actions, the OpenAPI page and document go to Next. Same handlers, same database.
 *
 *   PORT (default 3000); listens on every interface, like `next start`
 *   WEB_CONCURRENCY  processes sharing the port (node:cluster). Default: one per core
 *                    (os.availableParallelism); 1 serves from this very process. Every worker is
 *                    a whole server: what one caches in memory (resolved permissions, object
 *                    metadata) is keyed by version stamps read from the database on each request,
 *                    and the rate limit, sign-in throttle and sessions live in the database or the
 *                    cookie, so any worker may answer any request (SPEC §21).
 */
import cluster from "node:cluster";
import os from "node:os";

const port = Number(process.env.PORT ?? 3000);
const dev = process.env.NODE_ENV === "development";

/** `WEB_CONCURRENCY`: a whole number ≥ 1; anything else (or nothing) means one worker per core. */
export function workerCount(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (raw && /^\d+$/.test(raw) && Number(raw) >= 1) return Number(raw);
  return Math.max(1, os.availableParallelism());
}

async function serve() {
  // Loaded here, not at the top: the primary of a cluster only forks and never needs them.
  const [{ createServer }, { getRequestListener }, { default: next }, { defaultApiDeps }, { createApiRouter, isLeanApiPath }, { PEER_ADDRESS_HEADER }] = await Promise.all([
    import("node:http"),
    import("@hono/node-server"),
    import("next"),
    import("@/lib/api/default-deps"),
    import("@/lib/api/router"),
    import("@/lib/auth/client-address"),
  ]);
  const app = next({ dev, port });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  const handleApi = getRequestListener(createApiRouter(defaultApiDeps).fetch);

  const server = createServer((req, res) => {
    // The socket's address, for per-address limits: a client cannot choose it (SPEC §16).
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    if (isLeanApiPath(pathname)) void handleApi(req, res);
    else void handleNext(req, res);
  });
  server.listen(port, () => {
    if (cluster.isPrimary) console.log(`▸ Rolecall ready on http://localhost:${port} (${dev ? "development" : "production"}, pid ${process.pid})`);
  });
}

/**
 * Forks the workers and keeps them: a worker that dies unexpectedly is replaced, unless workers
 * keep dying right after they start (a broken build or database), which stops the server.
 */
function superviseWorkers(workers: number) {
  let listening = 0;
  let stopping = false;
  const recentDeaths: number[] = [];
  const fork = () => cluster.fork();
  cluster.on("listening", () => {
    if (++listening === workers) console.log(`▸ Rolecall ready on http://localhost:${port} (${dev ? "development" : "production"}, ${workers} workers, primary pid ${process.pid})`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && now - recentDeaths[0] > 60_000) recentDeaths.shift();
    if (recentDeaths.length > workers * 3) {
      console.error(`Workers keep exiting (last: pid ${worker.process.pid}, ${signal ?? code}); stopping.`);
      process.exit(typeof code === "number" && code !== 0 ? code : 1);
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  for (let i = 0; i < workers; i++) fork();
}

const workers = workerCount();
if (cluster.isPrimary && workers > 1 && !dev) {
  superviseWorkers(workers);
} else {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
