/**
 * Per-key rate limit: a fixed one-minute window per key. The server counts in the database
 * (createDatabaseRateLimiter) so that several instances sharing it count one limit (SPEC §15);
 * the in-memory limiter serves tests and single-process tools.
 */
import type { Tx } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/hot-path";
import { dialectOf } from "@/lib/db/sql-dialect";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const WINDOW_MS = 60_000;
/** Beyond this many tracked keys, expired windows are swept so memory stays bounded. */
const SWEEP_THRESHOLD = 10_000;

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets (the Retry-After of a refusal). */
  readonly resetSeconds: number;
}

export interface RateLimiter {
  /** Counts one request of `key`; null when rate limiting is off. */
  consume(key: string, nowMs?: number): Promise<RateLimitDecision | null>;
}

/** `API_RATE_LIMIT_PER_MINUTE`: a whole number, 0 turns the limit off; anything else is the default. */
export function rateLimitPerMinuteFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw || !/^\d+$/.test(raw)) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  return Number(raw);
}

function decision(limit: number, count: number, windowEndMs: number, nowMs: number): RateLimitDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil((windowEndMs - nowMs) / 1000)),
  };
}

/** In memory, per process: a window opens at a key's first request. */
export function createRateLimiter(limitPerMinute: number): RateLimiter {
  if (limitPerMinute <= 0) return { consume: async () => null };
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(nowMs: number) {
    for (const [key, window] of windows) if (nowMs - window.start >= WINDOW_MS) windows.delete(key);
  }

  return {
    async consume(key, nowMs = Date.now()) {
      let window = windows.get(key);
      if (!window || nowMs - window.start >= WINDOW_MS) {
        if (windows.size >= SWEEP_THRESHOLD) sweep(nowMs);
        window = { start: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return decision(limitPerMinute, window.count, window.start + WINDOW_MS, nowMs);
    },
  };
}

// One statement, atomic on both databases: the first request of a window resets the count.
const UPSERT = `INSERT INTO "RateLimitWindow" ("key", "window", "count") VALUES (?, ?, 1)
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "RateLimitWindow"."window" = excluded."window" THEN "RateLimitWindow"."count" + 1 ELSE 1 END,
    "window" = excluded."window"
  RETURNING "count"`;

/**
 * In the database: windows are clock minutes, the same on every instance, and each request is
 * one atomic upsert-increment, so concurrent requests through any instance are all counted.
 */
export function createDatabaseRateLimiter(db: Tx, limitPerMinute: number): RateLimiter {
  if (limitPerMinute <= 0) return { consume: async () => null };
  const d = dialectOf(db);
  const upsert = d.placeholders(UPSERT);
  const sweep = d.placeholders(`DELETE FROM "RateLimitWindow" WHERE "window" < ?`);
  let sweptWindow = 0;

  return {
    async consume(key, nowMs = Date.now()) {
      const window = Math.floor(nowMs / WINDOW_MS);
      // Once per window and instance: rows of finished windows are dead weight.
      if (window !== sweptWindow) {
        sweptWindow = window;
        await db.$executeRawUnsafe(sweep, window - 1);
      }
      // The hottest write there is: straight on the direct connection when the database is free.
      const [row] = await queryRows<{ count: number | bigint }>(db, upsert, [key, window]);
      return decision(limitPerMinute, Number(row?.count ?? 1), (window + 1) * WINDOW_MS, nowMs);
    },
  };
}
