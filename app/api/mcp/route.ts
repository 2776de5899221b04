import { db } from "@/lib/db";
import { handleMcpHttpRequest } from "@/lib/agents/http";

/** MCP over streamable HTTP for AI agents (SPEC §15); stdio stays available (`npm run mcp`). */
const handle = (request: Request) => handleMcpHttpRequest(db, request);

export { handle as GET, handle as POST, handle as DELETE };
