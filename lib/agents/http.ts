/**
 * The agent tools over MCP's streamable HTTP transport (SPEC §15), stateless: each request carries
 * `Authorization: Bearer <agent token>` and gets a fresh server for that agent, so a revoked token
 * or a changed role applies to the very next request and any instance can answer it.
 */
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { ApiDeps } from "@/lib/api/context";
import { rateLimitHeaders } from "@/lib/api/route";
import { errorResponse } from "@/lib/api/responses";
import { requestClientAddress } from "@/lib/auth/client-address";
import { assertAddressNotThrottled, countFailedLookup } from "@/lib/auth/throttle";
import { isAllowedOrigin } from "./origin";
import { createAgentMcpServer } from "./mcp-server";
import { agentIdForToken } from "./tokens";

const BEARER = /^Bearer +(\S{1,512}) *$/i;

function unauthorized(message: string): Response {
  return Response.json({ error: { code: "UNAUTHENTICATED", message } }, { status: 401, headers: { "www-authenticate": "Bearer" } });
}

/**
 * One request of an agent: its token authenticates it, and the agent's requests count against
 * the same per-minute limit a REST key has (API_RATE_LIMIT_PER_MINUTE, shared by instances).
 */
export async function handleMcpHttpRequest({ db, rateLimiter, now }: ApiDeps, request: Request): Promise<Response> {
  if (!isAllowedOrigin(request)) return Response.json({ error: { code: "FORBIDDEN", message: "Requests from another site's pages are refused (Origin)." } }, { status: 403 });
  const secret = BEARER.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secret) return unauthorized("An agent token is required: send Authorization: Bearer <token>.");
  const address = requestClientAddress(request.headers);
  let agentId: string | null;
  try {
    assertAddressNotThrottled(address, now());
    agentId = await agentIdForToken(db, secret, now());
    if (!agentId) await countFailedLookup(db, address, now());
  } catch (error) {
    return errorResponse(error);
  }
  if (!agentId) return unauthorized("This agent token is not valid, has expired or was revoked.");
  const decision = await rateLimiter.consume(`agent:${agentId}`, now().getTime());
  if (decision && !decision.allowed) {
    const message = `Too many requests for this agent: at most ${decision.limit} per minute. Retry in ${decision.resetSeconds} s.`;
    return Response.json({ error: { code: "RATE_LIMITED", message } }, { status: 429, headers: rateLimitHeaders(decision) });
  }

  const server = createAgentMcpServer(db, agentId);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
