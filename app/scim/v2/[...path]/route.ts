import { Hono } from "hono";
import { defaultApiDeps } from "@/lib/api/default-deps";
import { createScimRouter, SCIM_BASE_PATH } from "@/lib/scim/router";

/**
 * SCIM 2.0 under `next dev` (which has no server.ts in front): the very sub-app server.ts serves,
 * so both doors answer alike.
 */
const app = new Hono().route(SCIM_BASE_PATH, createScimRouter(defaultApiDeps));
const handle = (request: Request) => app.fetch(request);

export const dynamic = "force-dynamic";
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
