import { describe, expect, it } from "vitest";
import { createRateLimiter, DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitPerMinuteFromEnv } from "./rate-limit";

describe("rate limiter", () => {
  it("allows the limit per key per minute, then refuses until the window resets", async () => {
    const limiter = createRateLimiter(2);
    const t0 = 1_000_000;
    expect(await limiter.consume("a", t0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume("a", t0 + 10)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.consume("a", t0 + 20_000)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 40 });
    expect(await limiter.consume("b", t0 + 20_000)).toMatchObject({ allowed: true });
    expect(await limiter.consume("a", t0 + 60_000)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("is off at 0", async () => {
    expect(await createRateLimiter(0).consume("a")).toBeNull();
  });

  it("reads API_RATE_LIMIT_PER_MINUTE, falling back to the default on nonsense", () => {
    expect(rateLimitPerMinuteFromEnv({})).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(rateLimitPerMinuteFromEnv({ API_RATE_LIMIT_PER_MINUTE: "0" })).toBe(0);
    expect(rateLimitPerMinuteFromEnv({ API_RATE_LIMIT_PER_MINUTE: " 120 " })).toBe(120);
    expect(rateLimitPerMinuteFromEnv({ API_RATE_LIMIT_PER_MINUTE: "-5" })).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(rateLimitPerMinuteFromEnv({ API_RATE_LIMIT_PER_MINUTE: "lots" })).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
  });
});
