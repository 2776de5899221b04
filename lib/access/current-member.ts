/**
 * The acting member of a request: the session (lib/auth) resolved to a principal with the
 * permissions it acts with (its role, or the read-only projection of a role viewed as), and the
 * first answer of every page and server action on what that member may open.
 */
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/prisma";
import { loadPrincipalPermissions } from "@/lib/access/grants";
import type { SettingsPermission } from "@/lib/permissions";
import type { Principal } from "@/lib/access/principal";
import { canSetting } from "@/lib/permissions";
import { DomainError } from "@/lib/errors";
import { getSession } from "@/lib/auth/session";
import { expireDueAssignments, hasExpired, roleHeldAt } from "@/lib/roles/expiry";
import { isLiveSession } from "@/lib/auth/sessions";
import { viewingAs } from "@/lib/roles/view-as";

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
  /** The demo workspace of SPEC §10: the shell says so. */
  workspaceIsDemo: boolean;
  roleName: string;
  /** Signed in with a temporary password: nothing but choosing a new one is allowed. */
  mustChangePassword: boolean;
  /** While viewing as a role (SPEC §14), `permissions` is its read-only projection: writes are refused. */
  viewingAs: { roleId: string; roleName: string } | null;
}

/**
 * The signed-in member of this request, or null. Memoised per request. A cookie whose session
 * row is gone was ended (signed out, sign out of all sessions, a password change) and counts as
 * signed out, for pages and server actions alike (SPEC §16).
 */
export const getActingMember = cache(async (): Promise<ActingMember | null> => {
  const session = await getSession();
  if (!session.userId || !session.sessionId) return null;
  const now = new Date();
  const [live, member] = await Promise.all([isLiveSession(db, session.userId, session.sessionId, now), findMember(session.userId, now)]);
  if (!live || !member) return null;
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
    workspaceIsDemo: member.workspace.isDemo,
    roleId: member.roleId,
    roleName: member.role.name,
    mustChangePassword: member.user.mustChangePassword,
    ...(await permissionsOfSession(member.workspaceId, member.id, member.roleId, session.viewAsRoleId, session.viewAsSetIds ?? [], now)),
  };
});

/** The member's own permissions, or the read-only projection of the role they view as. */
async function permissionsOfSession(workspaceId: string, memberId: string, roleId: string, viewAsRoleId: string | undefined, viewAsSetIds: readonly string[], now: Date) {
  const own = await loadPrincipalPermissions(db, workspaceId, "member", memberId, roleId, now);
  const viewing = viewAsRoleId ? await viewingAs(db, workspaceId, own, viewAsRoleId, viewAsSetIds) : null;
  return viewing ? { permissions: viewing.permissions, viewingAs: { roleId: viewing.roleId, roleName: viewing.roleName } } : { permissions: own, viewingAs: null };
}

/**
 * The member row with the role held at `now` (SPEC §13, §16): an assignment whose `Until` has
 * passed acts as the default role from that instant, whether or not this request is the one
 * that records the expiry (another may be recording it at the same moment).
 */
async function findMember(userId: string, now: Date) {
  const member = await db.workspaceMember.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { user: true, workspace: true, role: { select: { name: true } } },
  });
  if (!member || !hasExpired(member.roleExpiresAt, now)) return member;
  await expireDueAssignments(db, member.workspaceId, now);
  const roleId = roleHeldAt("member", member, member.workspace.defaultRoleId, now);
  if (!roleId) return null;
  const role = await db.role.findUniqueOrThrow({ where: { id: roleId }, select: { name: true } });
  return { ...member, roleId, roleExpiresAt: null, role };
}

export const CHANGE_PASSWORD_PATH = "/change-password";

/** Where a signed-out visitor goes: the sign-in page, or /setup while there is no workspace yet. */
async function redirectSignedOut(): Promise<never> {
  if ((await db.workspace.count()) === 0) redirect("/setup");
  redirect("/sign-in");
}

/** For pages: a signed-out visitor is sent to the sign-in page, a temporary password to its replacement. */
export async function requireMember(): Promise<ActingMember> {
  const member = await getActingMember();
  if (!member) return redirectSignedOut();
  if (member.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return member;
}

/** For the page and action that replace a temporary password: the only ones it may use. */
export async function requireMemberWithTemporaryPassword(): Promise<ActingMember> {
  const member = await getActingMember();
  if (!member) return redirectSignedOut();
  return member;
}

/** For server actions: refuses instead of redirecting, so the form can show the error. */
/** `reads`: the action only reads, so it runs while viewing as a role (with the role's projection). */
export async function requireMemberForAction(setting?: SettingsPermission, options: { allowTemporaryPassword?: boolean; reads?: boolean } = {}): Promise<ActingMember> {
  const member = await getActingMember();
  if (!member) throw new DomainError("UNAUTHENTICATED");
  if (member.mustChangePassword && !options.allowTemporaryPassword) throw new DomainError("PASSWORD_CHANGE_REQUIRED");
  if (member.viewingAs && !options.reads) throw new DomainError("VIEW_AS_READ_ONLY");
  if (setting && !canSetting(member.permissions, setting)) throw new DomainError("FORBIDDEN");
  return member;
}
