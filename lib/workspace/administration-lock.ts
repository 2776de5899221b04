import { lockRows } from "@/lib/db/locks";
import type { Tx } from "@/lib/db/types";

/**
 * The lock of a workspace's administration: every use case that changes who may do what there
 * (roles and their versions, guardrails, assignments, the default role, members, API keys, agent
 * tokens, the data model) takes it first, before it reads anything it decides on. Their decisions
 * read across rows (the actor's own role and authority, the default role every key without a role
 * falls back to, every guardrail a role change could break, the lasting Admins), so they keep the
 * order one writer gave them: one at a time per workspace, each judging what the previous one
 * committed. It is a row lock on the workspace's row (lib/db/locks.ts): record writes, sign-ins,
 * the rate limit and reads never take it, and other workspaces have their own.
 */
export async function lockAdministration(tx: Tx, workspaceId: string): Promise<void> {
  await lockRows(tx, "Workspace", [workspaceId]);
}
