import type { Tx } from "@/lib/db/prisma";
import { heldSetsByPrincipal, principalKey, type HeldSetView } from "@/lib/roles/permission-sets";

export interface Assignee {
  id: string;
  name: string;
  detail: string;
  roleId: string | null;
  roleName: string | null;
  /** ISO instant when an expiring assignment ends (SPEC §13); null when it holds for good. */
  until: string | null;
  /** The permission sets it holds now beside its role (SPEC §17). */
  sets: HeldSetView[];
}

export interface Assignees {
  members: Assignee[];
  apiKeys: Assignee[];
  agents: Assignee[];
}

/**
 * Every member, API key and agent of the workspace with the role and the sets it holds: the Assignment tab
 * shows those of one role and offers the others in its pickers. Revoked keys are left out.
 */
export async function listPrincipals(db: Tx, workspaceId: string, now = new Date()): Promise<Assignees> {
  const [members, apiKeys, agents, held] = await Promise.all([
    db.workspaceMember.findMany({
      where: { workspaceId },
      include: { user: { select: { name: true, email: true } }, role: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.apiKey.findMany({ where: { workspaceId, revokedAt: null }, include: { role: { select: { name: true } } }, orderBy: { name: "asc" } }),
    db.agent.findMany({ where: { workspaceId }, include: { role: { select: { name: true } } }, orderBy: { name: "asc" } }),
    heldSetsByPrincipal(db, workspaceId, now),
  ]);
  const sets = (kind: "member" | "apiKey" | "agent", id: string) => held.get(principalKey(kind, id)) ?? [];
  return {
    members: members.map((m) => ({ id: m.id, name: m.user.name, detail: m.user.email, roleId: m.roleId, roleName: m.role.name, until: m.roleExpiresAt?.toISOString() ?? null, sets: sets("member", m.id) })),
    apiKeys: apiKeys.map((k) => ({ id: k.id, name: k.name, detail: `${k.prefix}…`, roleId: k.roleId, roleName: k.role?.name ?? null, until: k.roleExpiresAt?.toISOString() ?? null, sets: sets("apiKey", k.id) })),
    agents: agents.map((a) => ({ id: a.id, name: a.name, detail: a.description, roleId: a.roleId, roleName: a.role?.name ?? null, until: a.roleExpiresAt?.toISOString() ?? null, sets: sets("agent", a.id) })),
  };
}
