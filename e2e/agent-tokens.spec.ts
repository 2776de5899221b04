import { expect, test } from "./fixtures";

const rpc = (id: number, method: string, params: Record<string, unknown> = {}) => ({ jsonrpc: "2.0", id, method, params });
const MCP_HEADERS = { accept: "application/json, text/event-stream", "content-type": "application/json" };

test("a token created in Settings reaches the agent tools over MCP streamable HTTP, as the agent's role", async ({ page, request, workspace }) => {
  await page.goto("/settings/api-keys");
  const section = page.getByRole("region", { name: "AI agent tokens" });
  await section.getByRole("button", { name: `+ Create token for ${workspace.agent.name}` }).click();
  await page.getByRole("dialog").getByLabel("Token name").fill("Remote client");
  await page.getByRole("dialog").getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByRole("dialog").getByRole("textbox", { name: "Agent token" }).inputValue();
  expect(secret).toMatch(/^rca_/);

  expect((await request.post("/api/mcp", { headers: MCP_HEADERS, data: rpc(1, "tools/list") })).status()).toBe(401);
  const headers = { ...MCP_HEADERS, authorization: `Bearer ${secret}` };
  const init = await request.post("/api/mcp", { headers, data: rpc(1, "initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "e2e", version: "1" } }) });
  expect(init.status()).toBe(200);
  const tools = await request.post("/api/mcp", { headers, data: rpc(2, "tools/list") });
  expect((await tools.json()).result.tools.map((tool: { name: string }) => tool.name)).toContain("find_records");
  const found = await request.post("/api/mcp", { headers, data: rpc(3, "tools/call", { name: "find_records", arguments: { object: "people", limit: 1 } }) });
  const result = (await found.json()).result;
  expect(result.isError).toBeFalsy();
  // The test workspace has no records yet: an empty page, not a refusal.
  expect(JSON.parse(result.content[0].text).data).toEqual([]);
  const objects = await request.post("/api/mcp", { headers, data: rpc(4, "tools/call", { name: "list_objects", arguments: {} }) });
  expect((await objects.json()).result.content[0].text).toContain("people");
});
