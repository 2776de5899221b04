import { handleMcpHttpRequest } from "@/lib/agents/http";
import { defaultApiDeps } from "@/lib/api/default-deps";

/** MCP over streamable HTTP for AI agents (SPEC §15); stdio stays available (`npm run mcp`). */
const handle = (request: Request) => handleMcpHttpRequest(defaultApiDeps(), request);

export { handle as GET, handle as POST, handle as DELETE };
