import { db } from "@/lib/db";
import type { ApiDeps } from "./context";
import { createRateLimiter, rateLimitPerMinuteFromEnv } from "./rate-limit";

// One limiter per server process: the limit is per key and per instance (see README).
let deps: ApiDeps | undefined;

/** The dependencies of the running server: the shared Prisma client, the env-configured limiter. */
export function defaultApiDeps(): ApiDeps {
  deps ??= { db, rateLimiter: createRateLimiter(rateLimitPerMinuteFromEnv()), now: () => new Date() };
  return deps;
}
