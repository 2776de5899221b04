import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { loadRolePermissions } from "@/lib/access/role-permissions";
import type { SettingsPermission } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { canSetting } from "@/lib/permissions";
import { DomainError } from "@/lib/errors";
import { getSession } from "./session";
import { expireDueAssignments } from "@/lib/roles/expiry";

/** The signed-in member: a principal (id is the member id) plus what the shell displays. */
export interface ActingMember extends Principal {
  kind: "member";
  userId: string;
  name: string;
  email: string;
  locale: string | null;
  workspaceName: string;
  /** The workspace's default language (Settings → General), a fallback for the interface. */
  workspaceLocale: string;
  roleName: string;
}

/** The signed-in member of this request, or null. Memoised per request. */
export const getActingMember = cache(async (): Promise<ActingMember | null> => {
  const session = await getSession();
  if (!session.userId) return null;
  const member = await findMember(session.userId);
  if (!member) return null;
  return {
    kind: "member",
    id: member.id,
    label: member.user.name,
    userId: member.userId,
    name: member.user.name,
    email: member.user.email,
    locale: member.user.locale,
    workspaceId: member.workspaceId,
    workspaceName: member.workspace.name,
    workspaceLocale: member.workspace.defaultLocale,
    roleId: member.roleId,
    roleName: member.role.name,
    permissions: await loadRolePermissions(db, member.workspaceId, member.roleId),
  };
});

/** The member row, after recording any role expiry that has passed in their workspace (SPEC §13). */
async function findMember(userId: string) {
  const find = () =>
    db.workspaceMember.findFirst({
      where: { userId },
      orderBy: { createdAt: "asc" },
      include: { user: true, workspace: true, role: { select: { name: true } } },
    });
  const member = await find();
  return member && (await expireDueAssignments(db, member.workspaceId)) > 0 ? find() : member;
}

/** For pages: a signed-out visitor is sent to the sign-in page. */
export async function requireMember(): Promise<ActingMember> {
  const member = await getActingMember();
  if (!member) redirect("/sign-in");
  return member;
}

/** For server actions: refuses instead of redirecting, so the form can show the error. */
export async function requireMemberForAction(setting?: SettingsPermission): Promise<ActingMember> {
  const member = await getActingMember();
  if (!member) throw new DomainError("UNAUTHENTICATED");
  if (setting && !canSetting(member.permissions, setting)) throw new DomainError("FORBIDDEN");
  return member;
}
