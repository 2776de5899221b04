/**
 * Per-key rate limit, a fixed one-minute window in memory. Good enough for one instance; several
 * instances each allow the limit (a shared store would be needed to make it global).
 */
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
  consume(key: string, nowMs?: number): RateLimitDecision | null;
}

/** `API_RATE_LIMIT_PER_MINUTE`: a whole number, 0 turns the limit off; anything else is the default. */
export function rateLimitPerMinuteFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw || !/^\d+$/.test(raw)) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  return Number(raw);
}

export function createRateLimiter(limitPerMinute: number): RateLimiter {
  if (limitPerMinute <= 0) return { consume: () => null };
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(nowMs: number) {
    for (const [key, window] of windows) if (nowMs - window.start >= WINDOW_MS) windows.delete(key);
  }

  return {
    consume(key, nowMs = Date.now()) {
      let window = windows.get(key);
      if (!window || nowMs - window.start >= WINDOW_MS) {
        if (windows.size >= SWEEP_THRESHOLD) sweep(nowMs);
        window = { start: nowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - nowMs) / 1000));
      return {
        allowed: window.count <= limitPerMinute,
        limit: limitPerMinute,
        remaining: Math.max(0, limitPerMinute - window.count),
        resetSeconds,
      };
    },
  };
}
