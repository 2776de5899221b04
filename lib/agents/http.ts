/**
 * The agent tools over MCP's streamable HTTP transport (SPEC §15), stateless: each request carries
 * `Authorization: Bearer <agent token>` and gets a fresh server for that agent, so a revoked token
 * or a changed role applies to the very next request and any instance can answer it.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Db } from "@/lib/db";
import { createAgentMcpServer } from "./mcp-server";
import { agentIdForToken } from "./tokens";

const BEARER = /^Bearer +(\S{1,512}) *$/i;

function unauthorized(message: string): Response {
  return Response.json({ error: { code: "UNAUTHENTICATED", message } }, { status: 401, headers: { "www-authenticate": "Bearer" } });
}

export async function handleMcpHttpRequest(db: Db, request: Request): Promise<Response> {
  const secret = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secret) return unauthorized("An agent token is required: send Authorization: Bearer <token>.");
  const agentId = await agentIdForToken(db, secret);
  if (!agentId) return unauthorized("This agent token is not valid or was revoked.");

  const server = createAgentMcpServer(db, agentId);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
