import type { Db } from "@/lib/db/prisma";
import type { RateLimiter } from "./rate-limit";

/**
 * What an API handler needs from the outside world. Routes pass the process singletons
 * (./default-deps.ts); tests pass their own database, limiter and clock.
 */
export interface ApiDeps {
  readonly db: Db;
  readonly rateLimiter: RateLimiter;
  readonly now: () => Date;
}
