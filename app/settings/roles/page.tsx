import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/auth/current-member";
import { canSetting } from "@/lib/permissions";
import { listRoles } from "@/lib/roles/queries";
import { NoAccess } from "@/components/layout/no-access";
import { RoleList } from "@/components/roles/role-list";

export async function generateMetadata() {
  const t = await getTranslations("roles");
  return { title: t("title") };
}

export default async function RolesPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const [t, roles] = await Promise.all([getTranslations("roles"), listRoles(db, member.workspaceId)]);

  return (
    <div className="max-w-4xl">
      <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-600">{t("subtitle")}</p>
      <section aria-labelledby="all-roles" className="mt-8">
        <h2 id="all-roles" className="text-sm font-semibold text-gray-900">{t("allRoles")}</h2>
        <div className="mt-3">
          <RoleList roles={roles} />
        </div>
      </section>
    </div>
  );
}
