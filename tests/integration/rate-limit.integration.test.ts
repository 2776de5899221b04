import { afterAll, describe, expect, it } from "vitest";
import { createDatabaseRateLimiter } from "@/lib/api/rate-limit";
import { createPrismaClient } from "@/lib/db/prisma";
import { databaseUrl, useDemoDatabase } from "./db";

/** SPEC §15: the per-key limit is counted in the database, across every client (instance) of it. */
const db = useDemoDatabase();
const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

describe("database rate limit", () => {
  let other: ReturnType<typeof createPrismaClient> | undefined;
  afterAll(() => other?.$disconnect());

  it("allows the limit per key per clock minute, then refuses with the seconds left", async () => {
    const limiter = createDatabaseRateLimiter(db, 2);
    expect(await limiter.consume("apiKey:a", T0 + 1_000)).toMatchObject({ allowed: true, remaining: 1, limit: 2 });
    expect(await limiter.consume("apiKey:a", T0 + 2_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.consume("apiKey:a", T0 + 20_000)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 40 });
    expect(await limiter.consume("apiKey:b", T0 + 20_000)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiter.consume("apiKey:a", T0 + 60_000)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });

  it("counts every one of many concurrent requests, from two clients of one database", async () => {
    other = createPrismaClient(databaseUrl(db));
    const limiters = [createDatabaseRateLimiter(db, 10), createDatabaseRateLimiter(other, 10)];
    const now = T0 + 5 * 60_000;
    const decisions = await Promise.all(Array.from({ length: 24 }, (_, i) => limiters[i % 2].consume("apiKey:burst", now + i)));
    expect(decisions.filter((decision) => decision?.allowed)).toHaveLength(10);
    expect(decisions.filter((decision) => !decision?.allowed)).toHaveLength(14);
  });

  it("is off at 0 and sweeps finished windows", async () => {
    expect(await createDatabaseRateLimiter(db, 0).consume("apiKey:a")).toBeNull();
    await createDatabaseRateLimiter(db, 5).consume("apiKey:late", T0 + 60 * 60_000);
    const keys = (await db.rateLimitWindow.findMany()).map((row) => row.key);
    expect(keys).toEqual(["apiKey:late"]);
  });
});
