import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listRoles } from "@/lib/roles/queries";
import { listPermissionSets } from "@/lib/roles/permission-sets";
import { rolesWithinAuthority } from "@/lib/access/authority";
import { NoAccess } from "@/components/layout/no-access";
import { RoleList } from "@/components/roles/role-list";
import { DefaultRoleSelect } from "@/components/roles/default-role-select";
import { ImportRoleButton } from "@/components/roles/import-role-button";
import { CreateRoleButton } from "@/components/roles/create-role-button";
import { buttonClasses } from "@/components/ui/button";
import Link from "next/link";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("roles");

export default async function RolesPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const [t, ti, tc, tg, ts, roles, sets, withinRoleIds] = await Promise.all([
    getTranslations("roles"),
    getTranslations("inspect"),
    getTranslations("roles.compare"),
    getTranslations("guardrails"),
    getTranslations("permissionSets"),
    listRoles(db, member.workspaceId),
    listPermissionSets(db, member.workspaceId),
    member.permissions.isAdmin ? null : rolesWithinAuthority(db, member),
  ]);

  return (
    <div className="max-w-4xl">
      <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-600">{t("subtitle")}</p>
      <section aria-labelledby="all-roles" className="mt-8">
        <div className="flex items-center justify-between gap-4">
          <h2 id="all-roles" className="text-sm font-semibold text-gray-900">{t("allRoles")}</h2>
          <div className="flex gap-2">
            <Link href="/settings/permissions" className={buttonClasses("ghost")}>{ti("link")}</Link>
            <Link href="/settings/roles/compare" className={buttonClasses("ghost")}>{tc("link")}</Link>
            <Link href="/settings/roles/guardrails" className={buttonClasses("ghost")}>{tg("link")}</Link>
            <ImportRoleButton />
            <CreateRoleButton />
          </div>
        </div>
        <div className="mt-3">
          <RoleList kind="role" roles={roles} />
        </div>
      </section>
      <section aria-labelledby="permission-sets" className="mt-10">
        <div className="flex items-center justify-between gap-4">
          <div>
            <h2 id="permission-sets" className="text-sm font-semibold text-gray-900">{ts("title")}</h2>
            <p className="mt-0.5 text-xs text-gray-500">{ts("help")}</p>
          </div>
          <CreateRoleButton kind="set" />
        </div>
        <div className="mt-3">
          <RoleList kind="set" roles={sets} />
        </div>
      </section>
      <section aria-labelledby="role-options" className="mt-10 border-t border-gray-200 pt-6">
        <h2 id="role-options" className="text-sm font-semibold text-gray-900">{t("options")}</h2>
        <div className="mt-3">
          <DefaultRoleSelect
            roles={roles.filter((role) => !role.isAdmin).map((role) => ({ id: role.id, name: role.name }))}
            defaultRoleId={roles.find((role) => role.isDefault)?.id ?? ""}
            withinRoleIds={withinRoleIds}
          />
        </div>
      </section>
    </div>
  );
}
