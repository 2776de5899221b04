import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listMembers } from "@/lib/members/queries";
import { heldSetsByPrincipal, principalKey } from "@/lib/roles/permission-sets";
import { rolesWithinAuthority } from "@/lib/access/authority";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { MemberTable } from "@/components/settings/members/member-table";
import { InviteMember } from "@/components/settings/members/invite-member";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("settings.members");

export default async function MembersPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "MEMBERS")) return <NoAccess />;
  const [t, format, members, workspace, withinRoleIds, held] = await Promise.all([
    getTranslations("settings.members"),
    getFormatter(),
    listMembers(db, member.workspaceId),
    db.workspace.findUniqueOrThrow({ where: { id: member.workspaceId }, include: { defaultRole: { select: { name: true } } } }),
    member.permissions.isAdmin ? null : rolesWithinAuthority(db, member),
    heldSetsByPrincipal(db, member.workspaceId),
  ]);
  const canInvite = withinRoleIds === null || withinRoleIds.includes(workspace.defaultRoleId ?? "");
  const rows = members.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    roleName: row.roleName,
    sets: held.get(principalKey("member", row.id)) ?? [],
    isAdmin: row.isAdmin,
    joined: format.dateTime(row.joinedAt, { dateStyle: "medium" }),
  }));

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} action={<InviteMember defaultRoleName={workspace.defaultRole?.name ?? ""} withinAuthority={canInvite} />} />
      <section aria-labelledby="all-members" className="mt-8 rounded-lg border border-gray-200 bg-white">
        <header className="border-b border-gray-100 px-4 py-3">
          <h2 id="all-members" className="text-sm font-semibold text-gray-900">
            {t("listHeading")} <span className="font-normal text-gray-500">({t("count", { count: rows.length })})</span>
          </h2>
        </header>
        <MemberTable members={rows} actorMemberId={member.id} actorIsAdmin={member.permissions.isAdmin} />
      </section>
    </div>
  );
}
