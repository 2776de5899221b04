/**
 * The agent tools over stdio, for MCP clients (Claude Desktop, MCP Inspector, IDEs):
 *
 *   node --import tsx scripts/mcp-server.ts --agent "Sales assistant"    (or --agent <agent id>)
 *
 * Run it from the project folder (tsx and the `@/` imports resolve from there). DATABASE_URL
 * selects the database (default file:./prisma/dev.db, relative to the project). stdout carries
 * the protocol only; every log line goes to stderr.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createAgentMcpServer, findAgentByIdOrName } from "@/lib/agents";
import { createPrismaClient, DEFAULT_DATABASE_URL } from "@/lib/db/prisma";

// A stray console.log anywhere would corrupt the protocol stream: send it to stderr too.
console.log = console.error;
console.info = console.error;
console.debug = console.error;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = 'Usage: node --import tsx scripts/mcp-server.ts --agent <agent id or name>\n  e.g. --agent "Sales assistant"';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** A relative SQLite path is taken relative to the project, whatever the client's working folder. */
function databaseUrl(): { url: string; file: string | null } {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) return { url, file: null };
  const file = url.slice("file:".length);
  if (file === ":memory:") return { url, file: null };
  const absolute = path.resolve(projectRoot, file);
  return { url: `file:${absolute}`, file: absolute };
}

async function main() {
  const { values } = (() => {
    try {
      return parseArgs({ options: { agent: { type: "string", short: "a" }, help: { type: "boolean", short: "h" } }, strict: true });
    } catch (error) {
      return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    }
  })();
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const agentArg = values.agent?.trim();
  if (!agentArg) fail(USAGE);

  const { url, file } = databaseUrl();
  // better-sqlite3 would create an empty file and every call would fail with "no such table".
  if (file && !existsSync(file)) fail(`No database at ${file}. Run \`npm start\` (or \`npm run db:migrate && npm run db:seed\`) first, or set DATABASE_URL.`);

  const db = createPrismaClient(url);
  const found = await findAgentByIdOrName(db, agentArg);
  if (!found.ok) {
    const known = found.reason === "NOT_FOUND" ? await db.agent.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 20 }) : [];
    await db.$disconnect();
    fail(
      found.reason === "AMBIGUOUS"
        ? `Several agents are named "${agentArg}": pass the agent's id instead.`
        : `No agent "${agentArg}" in ${file ?? url}. Agents: ${known.map((agent) => agent.name).join(", ") || "none"}.`,
    );
  }

  const server = createAgentMcpServer(db, found.agent.id);
  const transport = new StdioServerTransport();

  let closing = false;
  const shutdown = async (reason: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`[rolecall-mcp] stopping (${reason})\n`);
    await server.close().catch(() => undefined);
    await db.$disconnect().catch(() => undefined);
    process.exit(0);
  };
  // When the client closes stdin, answers still in flight are sent and the process exits by itself.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await server.connect(transport);
  process.stderr.write(`[rolecall-mcp] serving agent "${found.agent.name}" (${found.agent.id}) over stdio, database ${file ?? url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[rolecall-mcp] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
