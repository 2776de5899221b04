import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { loadEditorContext } from "@/lib/roles/editor-context";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { loadRoleForEditor } from "@/lib/roles/editor";
import { NoAccess } from "@/components/layout/no-access";
import { RoleEditor } from "@/components/roles/editor/role-editor";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const { kind } = await searchParams;
  const t = await getTranslations(kind === "set" ? "permissionSets" : "roles");
  return { title: t("newRole") };
}

/**
 * A new role, empty or (with `?from=<roleId>`) a copy of another role's definition; with
 * `?kind=set`, a new permission set (SPEC §17), the same definition.
 */
export default async function NewRolePage({ searchParams }: { searchParams: Promise<{ from?: string; kind?: string }> }) {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const { from, kind } = await searchParams;
  const [t, context, source] = await Promise.all([
    getTranslations("roles"),
    loadEditorContext(db, member, await metadataLabels()),
    from ? loadRoleForEditor(db, member.workspaceId, from).catch(() => null) : null,
  ]);
  // Admin's switches are not a definition of their own (it is all-access by nature): no copies.
  const initialDraft = source && !source.isAdmin ? { ...source.draft, name: t("copyName", { name: source.draft.name }) } : undefined;
  return <RoleEditor key={`${kind ?? "role"}:${from ?? "new"}`} role={null} kind={kind === "set" ? "set" : "role"} initialDraft={initialDraft} actorMemberId={member.id} {...context} />;
}
