import type { Tx } from "@/lib/db/prisma";

export type AgentLookup =
  | { ok: true; agent: { id: string; name: string; workspaceId: string } }
  | { ok: false; reason: "NOT_FOUND" | "AMBIGUOUS"; matches: number };

/**
 * An agent by id, or else by exact name (what a person types in an MCP client's config). A name
 * held by agents of several workspaces is ambiguous: the id must be given instead.
 */
export async function findAgentByIdOrName(db: Tx, idOrName: string): Promise<AgentLookup> {
  const select = { id: true, name: true, workspaceId: true } as const;
  const byId = await db.agent.findUnique({ where: { id: idOrName }, select });
  if (byId) return { ok: true, agent: byId };
  const byName = await db.agent.findMany({ where: { name: idOrName.trim() }, select, take: 2 });
  if (byName.length === 1) return { ok: true, agent: byName[0] };
  return { ok: false, reason: byName.length === 0 ? "NOT_FOUND" : "AMBIGUOUS", matches: byName.length };
}
