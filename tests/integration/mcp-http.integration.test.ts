/**
 * MCP over streamable HTTP (SPEC §15) through the official SDK client, its fetch routed to the
 * route's handler on a real database: agent tokens are minted only within the actor's authority,
 * the agent acts with its own role, a revoked token stops working at the next request.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { createAgentTokenAction, revokeAgentTokenAction } from "@/app/settings/api-keys/actions";
import { handleMcpHttpRequest } from "@/lib/agents/http";
import type { ApiDeps } from "@/lib/api/context";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { createAgent, createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
const deps: ApiDeps = { db, rateLimiter: createRateLimiter(0), now: () => new Date() };
const URL_MCP = "http://rolecall.test/api/mcp";
let agentId: string;

beforeAll(async () => {
  agentId = (await db.agent.findFirstOrThrow({ where: { name: "Sales assistant" } })).id;
});

async function connect(token: string, through = deps) {
  const transport = new StreamableHTTPClientTransport(new URL(URL_MCP), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: (url, init) => handleMcpHttpRequest(through, new Request(url, init)),
  });
  const client = new Client({ name: "rolecall-http-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

describe("MCP over HTTP", () => {
  it("answers 401 without a valid token", async () => {
    const none = await handleMcpHttpRequest(deps, new Request(URL_MCP, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
    expect(none.status).toBe(401);
    const wrong = await handleMcpHttpRequest(deps, new Request(URL_MCP, { method: "POST", body: "{}", headers: { authorization: "Bearer rca_nope" } }));
    expect(wrong.status).toBe(401);
  });

  it("runs the tools as the agent's own role with a token minted in Settings, until it is revoked", async () => {
    await actAs(db, "admin@acme.dev");
    const created = await createAgentTokenAction({ agentId, name: "Claude remote" });
    if (!created.ok) throw new Error("setup failed");
    expect(created.data.secret).toMatch(/^rca_/);
    expect(await db.agentToken.count({ where: { secretHash: created.data.secret } })).toBe(0);

    const client = await connect(created.data.secret);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain("find_records");
    const found = await client.callTool({ name: "find_records", arguments: { object: "opportunities", limit: 2 } });
    expect(found.isError).toBeFalsy();
    const { roleId } = await loadDemo(db);
    await db.agent.update({ where: { id: agentId }, data: { roleId: roleId("Intern") } });
    const hidden = await client.callTool({ name: "find_records", arguments: { object: "opportunities", limit: 2 } });
    expect(hidden.isError).toBe(true);
    await client.close();

    expect((await revokeAgentTokenAction({ tokenId: created.data.id })).ok).toBe(true);
    await expect(connect(created.data.secret)).rejects.toThrow();
    await db.agent.update({ where: { id: agentId }, data: { roleId: roleId("Member") } });
  });

  it("refuses a token for an agent whose role is beyond the actor's (SPEC §11)", async () => {
    const { workspace } = await loadDemo(db);
    const keeper = await createRole(db, workspace.id, {} as ObjectIndex, { name: "Key keeper", canSeeAllObjects: true, settings: ["API_KEYS_AND_WEBHOOKS"] });
    await createMember(db, { workspaceId: workspace.id, roleId: keeper.id, email: "keeper@acme.dev", name: "Kim Keeper", passwordHash: "x" });
    await actAs(db, "keeper@acme.dev");
    // Sales assistant is a Member: it edits and deletes, Kim does not.
    expect(await createAgentTokenAction({ agentId, name: "Sneaky" })).toMatchObject({ ok: false, errors: [{ code: "EXCEEDS_AUTHORITY" }] });
    expect(await db.agentToken.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("counts an agent's requests against the per-minute limit and answers 429 over it", async () => {
    await actAs(db, "admin@acme.dev");
    const created = await createAgentTokenAction({ agentId, name: "Limited" });
    if (!created.ok) throw new Error("setup failed");
    const limited: ApiDeps = { ...deps, rateLimiter: createRateLimiter(10) };
    const call = () =>
      handleMcpHttpRequest(limited, new Request(URL_MCP, { method: "POST", body: "{}", headers: { authorization: `Bearer ${created.data.secret}`, "content-type": "application/json" } }));
    for (let i = 0; i < 10; i++) expect((await call()).status).not.toBe(429);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    // Another agent's token is not held back by this one's count (a session takes a few requests).
    const other = await createAgent(db, { workspaceId: (await loadDemo(db)).workspace.id, name: "Second agent" });
    const otherToken = await createAgentTokenAction({ agentId: other.id, name: "Other" });
    if (!otherToken.ok) throw new Error("setup failed");
    const client = await connect(otherToken.data.secret, limited);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
  });
});
