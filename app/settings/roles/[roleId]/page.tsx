import { notFound } from "next/navigation";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { isDomainError } from "@/lib/errors";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { roleGuardrailStatements } from "@/lib/roles/guardrails";
import { loadEditorContext } from "@/lib/roles/editor-context";
import { listRoleVersions } from "@/lib/roles/history";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { NoAccess } from "@/components/layout/no-access";
import { RoleEditor } from "@/components/roles/editor/role-editor";

async function loadRole(workspaceId: string, roleId: string) {
  try {
    return await loadRoleForEditor(db, workspaceId, roleId);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ roleId: string }> }) {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return {};
  const { roleId } = await params;
  const role = await db.role.findFirst({ where: { id: roleId, workspaceId: member.workspaceId }, select: { name: true } });
  return { title: role?.name };
}

export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const { roleId } = await params;
  const [role, history, context, guardrails] = await Promise.all([
    loadRole(member.workspaceId, roleId),
    listRoleVersions(db, member.workspaceId, roleId),
    loadEditorContext(db, member, await metadataLabels()),
    roleGuardrailStatements(db, member.workspaceId, roleId),
  ]);
  return <RoleEditor key={role.id} role={{ ...role, guardrails }} history={history} actorMemberId={member.id} {...context} />;
}
