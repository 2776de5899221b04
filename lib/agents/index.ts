/**
 * AI agents' tool interface (SPEC §9): record tools that run with the agent's own role, exposed
 * over MCP (`createAgentMcpServer`), each call made through `runAgentTool`.
 */
export { AGENT_TOOLS, AGENT_TOOL_NAMES, findAgentTool, type AgentTool, type AgentToolName } from "./tools";
export { runAgentTool, toAgentToolError, type AgentInvocation, type AgentToolError, type AgentToolResult } from "./run-tool";
export { createAgentMcpServer, toCallToolResult, MCP_SERVER_NAME, MCP_SERVER_VERSION } from "./mcp-server";
export { findAgentByIdOrName, type AgentLookup } from "./find-agent";
