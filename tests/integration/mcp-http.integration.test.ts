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
import { createMember, createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();
const URL_MCP = "http://rolecall.test/api/mcp";
let agentId: string;

beforeAll(async () => {
  agentId = (await db.agent.findFirstOrThrow({ where: { name: "Sales assistant" } })).id;
});

async function connect(token: string) {
  const transport = new StreamableHTTPClientTransport(new URL(URL_MCP), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: (url, init) => handleMcpHttpRequest(db, new Request(url, init)),
  });
  const client = new Client({ name: "rolecall-http-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

describe("MCP over HTTP", () => {
  it("answers 401 without a valid token", async () => {
    const none = await handleMcpHttpRequest(db, new Request(URL_MCP, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
    expect(none.status).toBe(401);
    const wrong = await handleMcpHttpRequest(db, new Request(URL_MCP, { method: "POST", body: "{}", headers: { authorization: "Bearer rca_nope" } }));
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
});
