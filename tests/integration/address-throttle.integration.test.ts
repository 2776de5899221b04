/**
 * SPEC §12, §16 over real HTTP: failed credential lookups from one client are throttled per
 * address, whatever `X-Forwarded-For` the client makes up. The server under test is server.ts
 * (what `npm start` runs) on this file's database; each server gets the socket's address as the
 * client's, or, with TRUST_PROXY, the entry its proxies appended.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { MAX_ATTEMPTS_PER_ADDRESS } from "@/lib/auth/throttle";
import { databaseUrl, useDemoDatabase } from "./db";
import { built, startServer, type Instance } from "./server";

const db = useDemoDatabase();
const servers: Instance[] = [];
const SECRET = "address-throttle-session-secret-0123456789abcdef";

afterAll(() => {
  for (const server of servers) server.stop();
});

async function server(env: Record<string, string> = {}) {
  const instance = await startServer({ DATABASE_URL: databaseUrl(db), SESSION_SECRET: SECRET, API_RATE_LIMIT_PER_MINUTE: "0", ...env });
  servers.push(instance);
  return instance;
}

const madeUp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

function lookup(instance: Instance, forwardedFor: string, path = "/api/rest/people?limit=1") {
  return fetch(`${instance.url}${path}`, { headers: { Authorization: `Bearer rc_not-a-key-${randomUUID()}`, "X-Forwarded-For": forwardedFor } });
}

describe.skipIf(!built)("per-address throttling of failed lookups, over HTTP", () => {
  it("22 failed key lookups with 22 made-up X-Forwarded-For values: 20 answered 401, then 429 from the socket's address", async () => {
    const instance = await server();
    const statuses: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS + 2; i++) statuses.push((await lookup(instance, madeUp())).status);
    expect(statuses.slice(0, MAX_ATTEMPTS_PER_ADDRESS)).toEqual(Array(MAX_ATTEMPTS_PER_ADDRESS).fill(401));
    expect(statuses.slice(MAX_ATTEMPTS_PER_ADDRESS)).toEqual([429, 429]);
    const refused = await lookup(instance, madeUp());
    expect(await refused.json()).toMatchObject({ error: { code: "ADDRESS_THROTTLED" } });
    // A valid key from the same address is refused too, before any lookup, and an agent token alike.
    expect((await fetch(`${instance.url}/api/rest/people?limit=1`, { headers: { Authorization: "Bearer demo-intern-key" } })).status).toBe(429);
    expect((await lookup(instance, madeUp(), "/api/mcp")).status).toBe(429);
    // The same address counter guards sign-in: the password is not even checked.
    const addresses = await db.signInAttempt.groupBy({ by: ["address"], _count: true });
    const socket = addresses.find((row) => row._count >= MAX_ATTEMPTS_PER_ADDRESS)!.address;
    expect(socket).toMatch(/127\.0\.0\.1|::1/);
    await expect(authenticate(db, "ada@acme.dev", "rolecall-demo", { address: socket })).rejects.toMatchObject({ code: "SIGN_IN_THROTTLED" });
  }, 120_000);

  it("behind TRUST_PROXY=1, the entry our proxy appended counts, not what the client wrote before it", async () => {
    const instance = await server({ TRUST_PROXY: "1" });
    // The client (198.51.100.7) makes up a different first entry each time; our proxy appends its address.
    const statuses: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS + 1; i++) statuses.push((await lookup(instance, `${madeUp()}, 198.51.100.7`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
    // Another client behind the same proxy is not throttled.
    expect((await lookup(instance, "198.51.100.8")).status).toBe(401);
  }, 120_000);
});
