import { db } from "@/lib/db/prisma";
import type { ApiDeps } from "./context";
import { createDatabaseRateLimiter, rateLimitPerMinuteFromEnv } from "./rate-limit";

// The limit is per key, counted in the database: every instance sharing it counts one limit.
let deps: ApiDeps | undefined;

/** The dependencies of the running server: the shared Prisma client, the env-configured limiter. */
export function defaultApiDeps(): ApiDeps {
  deps ??= { db, rateLimiter: createDatabaseRateLimiter(db, rateLimitPerMinuteFromEnv()), now: () => new Date() };
  return deps;
}
