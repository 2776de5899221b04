import type { Tx } from "@/lib/db/prisma";

export interface RoleSummary {
  id: string;
  name: string;
  description: string;
  icon: string;
  isAdmin: boolean;
  isDefault: boolean;
  memberCount: number;
  apiKeyCount: number;
  agentCount: number;
}

/** Every role of the workspace with how many principals hold it; Admin first, then by name. */
export async function listRoles(db: Tx, workspaceId: string): Promise<RoleSummary[]> {
  const [workspace, roles] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRoleId: true } }),
    db.role.findMany({
      where: { workspaceId, kind: "role" },
      select: {
        id: true,
        name: true,
        description: true,
        icon: true,
        isAdmin: true,
        createdAt: true,
        _count: { select: { members: true, apiKeys: true, agents: true } },
      },
    }),
  ]);
  return roles
    .sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((role) => ({
      id: role.id,
      name: role.name,
      description: role.description,
      icon: role.icon,
      isAdmin: role.isAdmin,
      isDefault: role.id === workspace.defaultRoleId,
      memberCount: role._count.members,
      apiKeyCount: role._count.apiKeys,
      agentCount: role._count.agents,
    }));
}
