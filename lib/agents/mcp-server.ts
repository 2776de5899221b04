/**
 * The agent tools as an MCP server (Model Context Protocol, official TypeScript SDK). One server
 * speaks for one agent; the transport (stdio in scripts/mcp-server.ts, in-memory in tests) is the
 * caller's choice. Each call goes through `runAgentTool`, which resolves the agent's role afresh,
 * so an assignment change in Settings applies to the agent's next call.
 *
 * Results are JSON text: `{ "data": … }` (and `pageInfo` for lists); refusals are tool errors
 * (`isError: true`) whose text is `{ "error": { "code", "message", "object"?, "field"?, "reason"? } }`.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Db } from "@/lib/db/prisma";
import { runAgentTool, type AgentToolResult } from "./run-tool";
import { AGENT_TOOLS } from "./tools";

export const MCP_SERVER_NAME = "rolecall";
export const MCP_SERVER_VERSION = "0.1.0";

const INSTRUCTIONS = [
  "Tools over the records of a Rolecall CRM workspace (People, Companies, Opportunities, Notes, Tasks and custom objects).",
  "You act as an AI agent with your own role: you see and change only what that role allows, whoever asked you to act.",
  "Start with list_objects: it lists the objects and fields you can see and which of them you can edit.",
  "A refusal is a tool error naming the object or field and the reason; do not retry it with the same input.",
].join(" ");

export function toCallToolResult(result: AgentToolResult): CallToolResult {
  if (result.ok) return { content: [{ type: "text", text: JSON.stringify(result.data) }] };
  return { content: [{ type: "text", text: JSON.stringify({ error: result.error }) }], isError: true };
}

export function createAgentMcpServer(db: Db, agentId: string): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, version: MCP_SERVER_VERSION }, { instructions: INSTRUCTIONS });
  for (const tool of AGENT_TOOLS) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input, annotations: { title: tool.title, ...tool.hints } },
      // The SDK has validated the arguments against the same schema; runAgentTool checks them again
      // because it is also called directly (tests, other transports).
      async (args: unknown) => toCallToolResult(await runAgentTool(db, { agentId }, tool.name, args)),
    );
  }
  return server;
}
