/**
 * The production server (`npm start`): one HTTP port, two doors. The machine interfaces
 * (`/api/rest/*`, `/api/mcp`, `/api/health`) go straight to the Hono router of lib/api/router.ts;
 * pages, server actions, the OpenAPI page and document go to Next. Same handlers, same database.
 *
 *   PORT (default 3000); listens on every interface, like `next start`
 *   WEB_CONCURRENCY  processes sharing the port (node:cluster; default 1). SQLite in WAL mode
 *                    serves several processes; the rate limit is counted in the database, so
 *                    they share it.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import next from "next";
import { defaultApiDeps } from "@/lib/api/default-deps";
import { createApiRouter, isLeanApiPath } from "@/lib/api/router";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";

const port = Number(process.env.PORT ?? 3000);
const dev = process.env.NODE_ENV === "development";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);

async function serve() {
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
    console.log(`▸ Rolecall ready on http://localhost:${port} (${dev ? "development" : "production"}, pid ${process.pid})`);
  });
}

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`Worker ${worker.process.pid} exited (${code}); stopping.`);
    process.exit(code ?? 1);
  });
} else {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
