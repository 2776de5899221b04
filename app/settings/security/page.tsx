import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { loadSecurityOverview } from "@/lib/workspace/security";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { Count, Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/data-table";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("settings.security");

const linkClasses = "text-sm font-medium text-brand-700 hover:underline";

/**
 * A read-only review of who can administer the workspace: Admins, roles that open settings
 * pages, and API keys that never expire. Links lead to the pages that change them, shown only
 * to members whose role opens those pages.
 */
export default async function SecurityPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "SECURITY")) return <NoAccess />;
  const [t, tp, format, overview] = await Promise.all([
    getTranslations("settings.security"),
    getTranslations("permissions"),
    getFormatter(),
    loadSecurityOverview(db, member.workspaceId),
  ]);
  const can = {
    members: canSetting(member.permissions, "MEMBERS"),
    roles: canSetting(member.permissions, "ROLES"),
    apiKeys: canSetting(member.permissions, "API_KEYS_AND_WEBHOOKS"),
  };

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />

      <Section
        id="security-admins"
        className="mt-8"
        title={<>{t("admins")} <Count>{overview.admins.length}</Count></>}
        description={t("adminsHelp")}
        actions={can.members ? <Link href="/settings/members" className={linkClasses}>{t("manageMembers")}</Link> : null}
      >
        <ul className="divide-y divide-gray-100">
          {overview.admins.map((admin) => (
            <li key={admin.id} className="flex items-center justify-between gap-4 px-4 py-2.5 text-sm">
              <span className="text-gray-900">{admin.name}</span>
              <span className="text-gray-600">{admin.email}</span>
            </li>
          ))}
        </ul>
        {overview.admins.length === 1 ? <p className="border-t border-gray-100 px-4 py-2.5 text-xs text-amber-800">{t("singleAdmin")}</p> : null}
      </Section>

      <Section id="security-roles" title={t("roles")} description={t("rolesHelp")}>
        <DataTable
          rows={overview.settingsRoles}
          rowKey={(role) => role.id}
          rowClassName="last:border-b-0 align-top"
          columns={[
            { key: "role", header: t("role"), rowHeader: true, cell: (role) => (can.roles ? <Link href={`/settings/roles/${role.id}`} className="hover:underline">{role.name}</Link> : role.name) },
            { key: "settings", header: t("settingsColumn"), cell: (role) => (role.allAccess ? t("allSettings") : role.settings.map((setting) => tp(`settings.${setting}`)).join(", ")) },
            { key: "heldBy", header: t("heldBy"), headerClassName: "w-48", cell: (role) => t("holders", { members: role.memberCount, keys: role.apiKeyCount }) },
          ]}
        />
      </Section>

      <Section
        id="security-keys"
        title={<>{t("keys")} <Count>{overview.neverExpiringKeys.length}</Count></>}
        description={t("keysHelp")}
        actions={can.apiKeys ? <Link href="/settings/api-keys" className={linkClasses}>{t("manageKeys")}</Link> : null}
      >
        <DataTable
          rows={overview.neverExpiringKeys}
          rowKey={(key) => key.id}
          empty={t("noKeys")}
          columns={[
            { key: "name", header: t("keyName"), rowHeader: true, cell: (key) => <>{key.name} <span className="ml-1 font-mono text-xs font-normal text-gray-500">{key.prefix}…</span></> },
            { key: "role", header: t("keyRole"), cell: (key) => key.roleName ?? t("defaultRole") },
            { key: "created", header: t("keyCreated"), cell: (key) => format.dateTime(key.createdAt, { dateStyle: "medium" }) },
            { key: "lastUsed", header: t("keyLastUsed"), cell: (key) => (key.lastUsedAt ? format.dateTime(key.lastUsedAt, { dateStyle: "medium" }) : t("never")) },
          ]}
        />
      </Section>
    </div>
  );
}
