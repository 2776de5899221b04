import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { startSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/session-config";
import { EMPTY_ROLE_DRAFT, type RoleDraft } from "@/lib/roles/draft";
import { databaseUrl, loadDemo, onPostgres, useDemoDatabase } from "./db";

/**
 * SPEC §15, several instances on one database: two real servers (`npm start`'s server.ts) share this
 * file's database (its SQLite copy, or its PostgreSQL database in the PostgreSQL run). Saves go
 * through one instance's server actions over HTTP, as the browser sends them; reads and the
 * rate limit go through the REST API of both. Each instance is what `npm start` serves by default, a
 * cluster of one worker per core (SPEC §21), so requests also land on different workers of one
 * instance. Needs a production build (`npm test` makes it).
 */
const db = useDemoDatabase();
const root = process.cwd();
const built = existsSync(path.join(root, ".next", "BUILD_ID"));
const SECRET = "two-instances-session-secret-0123456789abcdef";
const LIMIT = 40;

interface Instance {
  readonly url: string;
  readonly process: ChildProcess;
}
const instances: Instance[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  // The server `npm start` runs (server.ts): REST through the lean router, pages and actions through Next.
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl(db), SESSION_SECRET: SECRET, API_RATE_LIMIT_PER_MINUTE: String(LIMIT), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://localhost:${port}`;
  for (let waited = 0; ; waited += 250) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, process: child };
    } catch {
      if (waited > 60_000 || child.exitCode !== null) throw new Error(`server on ${port} did not come up`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The id Next gave a server action at build time (the browser sends it in `Next-Action`). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName && action.filename?.includes("settings/roles/actions"));
  if (!entry) throw new Error(`no server action ${exportedName} in the build`);
  return entry[0];
}

async function sessionCookie(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const sessionId = await startSession(db, user.id);
  return `${SESSION_COOKIE}=${await sealData({ userId: user.id, sessionId }, { password: SECRET, ttl: 3600 })}`;
}

type ActionOutcome = { ok: boolean; data?: unknown; errors?: { code: string }[] };

/** Calls a Roles server action on one instance over HTTP, signed in by `cookie`. */
async function callAction(instance: Instance, cookie: string, name: string, input: unknown): Promise<ActionOutcome> {
  const response = await fetch(`${instance.url}/settings/roles`, {
    method: "POST",
    headers: { "Next-Action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: instance.url, Cookie: cookie },
    body: JSON.stringify([input]),
  });
  const text = await response.text();
  // The reply is React's flight format: one `id:json` line per chunk; the action's value has `ok`.
  for (const line of text.split("\n")) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    const value = JSON.parse(match[1]) as Partial<ActionOutcome>;
    if (typeof value.ok === "boolean") return value as ActionOutcome;
  }
  throw new Error(`no action result from ${name} (HTTP ${response.status}): ${text.slice(0, 300)}`);
}

function restGet(instance: Instance, secret: string, object = "people"): Promise<Response> {
  return fetch(`${instance.url}/api/rest/${object}?limit=1`, { headers: { Authorization: `Bearer ${secret}` } });
}

async function createKey(workspaceId: string, name: string, roleId: string | null): Promise<string> {
  const secret = `two-instances-${name}-${Math.random().toString(36).slice(2)}`;
  await db.apiKey.create({ data: { workspaceId, name, prefix: secret.slice(0, 8), secretHash: hashApiKeySecret(secret), roleId } });
  return secret;
}

describe.skipIf(!built)(`two instances on one ${onPostgres ? "PostgreSQL" : "SQLite"} database`, () => {
  let workspaceId = "";
  let adminCookie = "";

  beforeAll(async () => {
    const demo = await loadDemo(db);
    workspaceId = demo.workspace.id;
    adminCookie = await sessionCookie("admin@acme.dev");
    instances.push(...(await Promise.all([startInstance(), startInstance()])));
  }, 120_000);

  afterAll(() => {
    for (const instance of instances) if (instance.process.pid) process.kill(-instance.process.pid, "SIGTERM");
  });

  it("enforces a role saved through one instance on the other's very next request (no stale read)", async () => {
    const [a, b] = instances;
    const draft: RoleDraft = { ...EMPTY_ROLE_DRAFT, name: "Two instances", canSeeAllObjects: true };
    const created = await callAction(a, adminCookie, "createRoleAction", draft);
    expect(created).toMatchObject({ ok: true });
    const roleId = (created.data as { id: string }).id;
    const secret = await createKey(workspaceId, "two-instances-reader", roleId);
    expect((await restGet(b, secret)).status).toBe(200);

    let stale = 0;
    let canSee = true;
    for (let round = 0; round < 6; round++) {
      // Alternate which instance saves, so each is once the writer and once the reader.
      const [writer, reader] = round % 2 === 0 ? [a, b] : [b, a];
      canSee = !canSee;
      const { version } = await db.role.findUniqueOrThrow({ where: { id: roleId } });
      const saved = await callAction(writer, adminCookie, "updateRoleAction", { roleId, version, draft: { ...draft, canSeeAllObjects: canSee } });
      expect(saved).toMatchObject({ ok: true });
      const status = (await restGet(reader, secret)).status;
      if (status !== (canSee ? 200 : 403)) stale++;
    }
    expect(stale).toBe(0);
  });

  it("counts one rate limit across both instances", async () => {
    const [a, b] = instances;
    // The window is the clock minute: start a burst early in one, so it does not straddle two.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const secret = await createKey(workspaceId, "two-instances-limited", null);
    const statuses: number[] = [];
    const remaining: number[] = [];
    for (let i = 0; i < LIMIT + 10; i++) {
      const response = await restGet(i % 2 === 0 ? a : b, secret);
      statuses.push(response.status);
      remaining.push(Number(response.headers.get("X-RateLimit-Remaining")));
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT).every((status) => status === 429)).toBe(true);
    // Each instance sees the other's requests: the remaining count falls by one per request, whichever served it.
    expect(remaining.slice(0, LIMIT)).toEqual(Array.from({ length: LIMIT }, (_, i) => LIMIT - 1 - i));
  });

  it("accepts one of two saves of one role version sent through both instances at once", async () => {
    const [a, b] = instances;
    const created = await callAction(a, adminCookie, "createRoleAction", { ...EMPTY_ROLE_DRAFT, name: "Saved twice" });
    const roleId = (created.data as { id: string }).id;
    for (let round = 0; round < 3; round++) {
      const { version } = await db.role.findUniqueOrThrow({ where: { id: roleId } });
      const results = await Promise.all(
        [a, b].map((instance, side) =>
          callAction(instance, adminCookie, "updateRoleAction", { roleId, version, draft: { ...EMPTY_ROLE_DRAFT, name: "Saved twice", description: `round ${round}, side ${side}` } }),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)?.errors?.map((error) => error.code)).toContain("VERSION_CONFLICT");
      expect((await db.role.findUniqueOrThrow({ where: { id: roleId } })).version).toBe(version + 1);
    }
  });

  it("loses no update when both instances patch different fields of one record at once", async () => {
    const [a, b] = instances;
    const { roleId } = await loadDemo(db);
    const secret = await createKey(workspaceId, "two-instances-patcher", roleId("Intern"));
    const person = (await (await restGet(a, secret)).json()) as { data: { id: string }[] };
    const id = person.data[0].id;
    const rounds = 8;
    const patch = (instance: Instance, body: Record<string, string>) =>
      fetch(`${instance.url}/api/rest/people/${id}`, { method: "PATCH", headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const statuses = await Promise.all([
      (async () => {
        const seen: number[] = [];
        for (let i = 0; i < rounds; i++) seen.push((await patch(a, { city: `City ${i}` })).status);
        return seen;
      })(),
      (async () => {
        const seen: number[] = [];
        for (let i = 0; i < rounds; i++) seen.push((await patch(b, { jobTitle: `Title ${i}` })).status);
        return seen;
      })(),
    ]);
    expect(statuses.flat().every((status) => status === 200)).toBe(true);
    const final = (await (await fetch(`${b.url}/api/rest/people/${id}`, { headers: { Authorization: `Bearer ${secret}` } })).json()) as { data: Record<string, unknown> };
    expect(final.data).toMatchObject({ city: `City ${rounds - 1}`, jobTitle: `Title ${rounds - 1}` });
  });

  it("keeps an Admin when the two Admins demote each other at once through different instances", async () => {
    const [a, b] = instances;
    const { roleId } = await loadDemo(db);
    const adminRoleId = roleId("Admin");
    const memberRoleId = roleId("Member");
    const admins = await db.workspaceMember.findMany({ where: { workspaceId, roleId: adminRoleId }, include: { user: true }, orderBy: { createdAt: "asc" } });
    expect(admins.map((member) => member.user.email).sort()).toEqual(["ada@acme.dev", "admin@acme.dev"]);
    const cookies = await Promise.all(admins.map((member) => sessionCookie(member.user.email)));

    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        callAction(a, cookies[0], "assignRoleAction", { roleId: memberRoleId, target: { kind: "member", id: admins[1].id } }),
        callAction(b, cookies[1], "assignRoleAction", { roleId: memberRoleId, target: { kind: "member", id: admins[0].id } }),
      ]);
      expect(await db.workspaceMember.count({ where: { workspaceId, roleId: adminRoleId } })).toBe(1);
      // One demotion wins; the other is judged after it, by an actor who no longer holds Admin.
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      // Back to two Admins for the next round.
      await db.workspaceMember.updateMany({ where: { id: { in: admins.map((member) => member.id) } }, data: { roleId: adminRoleId } });
    }
  });
});
