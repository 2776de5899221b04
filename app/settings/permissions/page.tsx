import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { agentPrincipal, apiKeyPrincipalById, memberPrincipal } from "@/lib/access/principal";
import { canSetting, PRINCIPAL_KINDS } from "@/lib/permissions";
import { listObjects } from "@/lib/metadata/queries";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { listPrincipals } from "@/lib/roles/assignees";
import { NoAccess } from "@/components/layout/no-access";
import { EffectivePermissionsView } from "@/components/permissions/effective-permissions-view";
import { buttonClasses } from "@/components/ui/button";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("inspect");

const principalParam = z
  .string()
  .regex(new RegExp(`^(${PRINCIPAL_KINDS.join("|")}):[\\w-]{1,100}$`))
  .transform((value) => {
    const [kind, id] = value.split(":") as [(typeof PRINCIPAL_KINDS)[number], string];
    return { kind, id };
  });

/** "What can X do?" (SPEC §6): the effective permissions of any principal, with their reasons. */
export default async function EffectivePermissionsPage({ searchParams }: { searchParams: Promise<{ principal?: string }> }) {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const requested = principalParam.safeParse((await searchParams).principal);
  const target = requested.success ? requested.data : null;
  const [t, principals, objects] = await Promise.all([getTranslations("inspect"), listPrincipals(db, member.workspaceId), listObjects(db, member.workspaceId).then(async (rows) => (await metadataLabels())(rows))]);

  const principal = !target
    ? null
    : target.kind === "member"
      ? await memberPrincipal(db, target.id)
      : target.kind === "apiKey"
        ? await apiKeyPrincipalById(db, member.workspaceId, target.id)
        : await agentPrincipal(db, target.id);
  const shown = principal && principal.workspaceId === member.workspaceId ? principal : null;
  const listed = shown ? principals[shown.kind === "member" ? "members" : shown.kind === "apiKey" ? "apiKeys" : "agents"].find((p) => p.id === shown.id) : undefined;
  const roleName = shown ? (await db.role.findUniqueOrThrow({ where: { id: shown.roleId }, select: { name: true } })).name : "";

  const groups = [
    { label: t("members"), kind: "member", entries: principals.members },
    { label: t("apiKeys"), kind: "apiKey", entries: principals.apiKeys },
    { label: t("agents"), kind: "agent", entries: principals.agents },
  ];

  return (
    <div className="max-w-4xl">
      <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-600">{t("subtitle")}</p>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-gray-800">
          {t("principal")}
          <select name="principal" defaultValue={shown ? `${shown.kind}:${shown.id}` : ""} className="mt-1 block w-80 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm">
            <option value="" disabled>—</option>
            {groups.map((group) => (
              <optgroup key={group.kind} label={group.label}>
                {group.entries.map((entry) => (
                  <option key={entry.id} value={`${group.kind}:${entry.id}`}>{entry.name}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses("primary")}>{t("show")}</button>
      </form>
      {shown ? (
        <>
          <p className="mt-6 text-sm text-gray-700">
            {listed?.roleId ? t("holds", { name: shown.label, role: roleName }) : t("defaultRole", { name: shown.label, role: roleName })}
          </p>
          <EffectivePermissionsView permissions={shown.permissions} objects={objects} />
        </>
      ) : (
        <p className="mt-8 text-sm text-gray-500">{t("choose")}</p>
      )}
    </div>
  );
}
