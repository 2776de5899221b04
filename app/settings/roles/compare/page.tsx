import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listRoles } from "@/lib/roles/queries";
import { compareGrants, memberComparable } from "@/lib/roles/compare";
import { listPermissionSets } from "@/lib/roles/permission-sets";
import { listMembers } from "@/lib/members/queries";
import { listObjects } from "@/lib/metadata/queries";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { RoleComparison } from "@/components/roles/role-comparison";
import { buttonClasses } from "@/components/ui/button";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("roles.compare");

// Unknown or malformed ids are ignored: the page then asks for a choice.
const params = z.object({ a: z.string().max(100).optional().catch(undefined), b: z.string().max(100).optional().catch(undefined) });

export default async function CompareRolesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  if (!canSetting(member.permissions, "ROLES")) return <NoAccess />;
  const { a, b } = params.parse(await searchParams);
  const [t, roles, sets, members, objects, localize] = await Promise.all([
    getTranslations("roles.compare"),
    listRoles(db, member.workspaceId),
    listPermissionSets(db, member.workspaceId),
    listMembers(db, member.workspaceId),
    listObjects(db, member.workspaceId),
    metadataLabels(),
  ]);
  // SPEC §17: any two grants, or a member (role and sets together) against one.
  const groups = [
    { label: t("groupRoles"), options: roles.map((role) => ({ id: role.id, name: role.name })) },
    { label: t("groupSets"), options: sets.map((set) => ({ id: set.id, name: set.name })) },
    { label: t("groupMembers"), options: members.map((row) => ({ id: memberComparable(row.id), name: row.name })) },
  ].filter((group) => group.options.length > 0);
  const options = groups.flatMap((group) => group.options);
  const first = options.find((option) => option.id === a);
  const second = options.find((option) => option.id === b);
  const rows = first && second ? await compareGrants(db, member.workspaceId, first.id, second.id) : null;
  const labels = localize(objects).map((object) => ({ name: object.nameSingular, labelPlural: object.labelPlural, fields: object.fields.map((field) => ({ name: field.name, label: field.label })) }));
  const select = (name: string, label: string, value: string | undefined) => (
    <label className="text-sm font-medium text-gray-900">
      {label}
      <select name={name} defaultValue={value ?? ""} className="mt-1 block w-56 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm">
        <option value="" disabled>{t("choose")}</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.id} value={option.id}>{option.name}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form method="get" className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-gray-200 bg-white p-4">
        {select("a", t("first"), first?.id)}
        {select("b", t("second"), second?.id)}
        <button type="submit" className={buttonClasses("primary")}>{t("submit")}</button>
      </form>
      {first && second && rows ? (
        <RoleComparison first={{ id: first.id, name: first.name }} second={{ id: second.id, name: second.name }} rows={rows} objects={labels} />
      ) : null}
      <p className="mt-6">
        <Link href="/settings/roles" className="text-sm text-brand-700 hover:underline">{t("back")}</Link>
      </p>
    </div>
  );
}
