import type { Tx } from "@/lib/db/prisma";

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  roleId: string;
  roleName: string;
  isAdmin: boolean;
  joinedAt: Date;
}

/** The workspace's members with their role, by name. */
export async function listMembers(db: Tx, workspaceId: string): Promise<MemberRow[]> {
  const members = await db.workspaceMember.findMany({
    where: { workspaceId },
    include: { user: { select: { name: true, email: true } }, role: { select: { name: true, isAdmin: true } } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return members.map((member) => ({
    id: member.id,
    name: member.user.name,
    email: member.user.email,
    roleId: member.roleId,
    roleName: member.role.name,
    isAdmin: member.role.isAdmin,
    joinedAt: member.createdAt,
  }));
}
