import { defaultApiDeps } from "@/lib/api/default-deps";
import { createApiRouter } from "@/lib/api/router";

/**
 * Every /api path under `next dev` (and any Next server) goes to the same Hono router that
 * `npm start` serves from server.ts, so the two serve one API from one route table
 * (lib/api/routes.ts). Nothing is decided here.
 */
const router = createApiRouter(defaultApiDeps);
const forward = (request: Request) => router.fetch(request);

// Answer every request live, never from a build-time snapshot.
export const dynamic = "force-dynamic";

export { forward as GET, forward as POST, forward as PUT, forward as PATCH, forward as DELETE, forward as HEAD, forward as OPTIONS };
