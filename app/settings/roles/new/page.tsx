import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/auth/current-member";
import { canSetting } from "@/lib/permissions";
import { loadEditorContext } from "@/lib/roles/editor-context";
import { NoAccess } from "@/components/layout/no-access";
import { RoleEditor } from "@/components/roles/editor/role-editor";

export async function generateMetadata() {
  const t = await getTranslations("roles");
  return { title: t("newRole") };
}

export default async function NewRolePage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const context = await loadEditorContext(db, member.workspaceId);
  return <RoleEditor role={null} actorMemberId={member.id} {...context} />;
}
