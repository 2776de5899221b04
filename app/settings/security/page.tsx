import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { loadSecurityOverview } from "@/lib/workspace/security";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/settings/page-header";

export async function generateMetadata() {
  const t = await getTranslations("settings.security");
  return { title: t("title") };
}

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

      <section aria-labelledby="security-admins" className="mt-8 rounded-lg border border-gray-200 bg-white">
        <header className="flex items-start justify-between gap-4 border-b border-gray-100 px-4 py-3">
          <div>
            <h2 id="security-admins" className="text-sm font-semibold text-gray-900">
              {t("admins")} <span className="font-normal text-gray-500">({overview.admins.length})</span>
            </h2>
            <p className="text-xs text-gray-500">{t("adminsHelp")}</p>
          </div>
          {can.members ? <Link href="/settings/members" className={linkClasses}>{t("manageMembers")}</Link> : null}
        </header>
        <ul className="divide-y divide-gray-100">
          {overview.admins.map((admin) => (
            <li key={admin.id} className="flex items-center justify-between gap-4 px-4 py-2.5 text-sm">
              <span className="text-gray-900">{admin.name}</span>
              <span className="text-gray-600">{admin.email}</span>
            </li>
          ))}
        </ul>
        {overview.admins.length === 1 ? <p className="border-t border-gray-100 px-4 py-2.5 text-xs text-amber-800">{t("singleAdmin")}</p> : null}
      </section>

      <section aria-labelledby="security-roles" className="rounded-lg border border-gray-200 bg-white">
        <header className="border-b border-gray-100 px-4 py-3">
          <h2 id="security-roles" className="text-sm font-semibold text-gray-900">{t("roles")}</h2>
          <p className="text-xs text-gray-500">{t("rolesHelp")}</p>
        </header>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
              <th scope="col" className="px-4 py-2 font-medium">{t("role")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t("settingsColumn")}</th>
              <th scope="col" className="w-48 py-2 pr-4 font-medium">{t("heldBy")}</th>
            </tr>
          </thead>
          <tbody>
            {overview.settingsRoles.map((role) => (
              <tr key={role.id} className="border-b border-gray-100 last:border-b-0 align-top">
                <th scope="row" className="px-4 py-2.5 text-left font-medium text-gray-900">
                  {can.roles ? <Link href={`/settings/roles/${role.id}`} className="hover:underline">{role.name}</Link> : role.name}
                </th>
                <td className="py-2.5 pr-4 text-gray-700">
                  {role.allAccess ? t("allSettings") : role.settings.map((setting) => tp(`settings.${setting}`)).join(", ")}
                </td>
                <td className="py-2.5 pr-4 text-gray-700">{t("holders", { members: role.memberCount, keys: role.apiKeyCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="security-keys" className="rounded-lg border border-gray-200 bg-white">
        <header className="flex items-start justify-between gap-4 border-b border-gray-100 px-4 py-3">
          <div>
            <h2 id="security-keys" className="text-sm font-semibold text-gray-900">
              {t("keys")} <span className="font-normal text-gray-500">({overview.neverExpiringKeys.length})</span>
            </h2>
            <p className="text-xs text-gray-500">{t("keysHelp")}</p>
          </div>
          {can.apiKeys ? <Link href="/settings/api-keys" className={linkClasses}>{t("manageKeys")}</Link> : null}
        </header>
        {overview.neverExpiringKeys.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-gray-500">{t("noKeys")}</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
                <th scope="col" className="px-4 py-2 font-medium">{t("keyName")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("keyRole")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("keyCreated")}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t("keyLastUsed")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.neverExpiringKeys.map((key) => (
                <tr key={key.id} className="border-b border-gray-100 last:border-b-0">
                  <th scope="row" className="px-4 py-2.5 text-left font-medium text-gray-900">
                    {key.name} <span className="ml-1 font-mono text-xs font-normal text-gray-500">{key.prefix}…</span>
                  </th>
                  <td className="py-2.5 pr-4 text-gray-700">{key.roleName ?? t("defaultRole")}</td>
                  <td className="py-2.5 pr-4 text-gray-700">{format.dateTime(key.createdAt, { dateStyle: "medium" })}</td>
                  <td className="py-2.5 pr-4 text-gray-700">{key.lastUsedAt ? format.dateTime(key.lastUsedAt, { dateStyle: "medium" }) : t("never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
