import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { openSettingsPage } from "@/lib/access/settings-guard";
import { listRoles } from "@/lib/roles/queries";
import { compareRoles } from "@/lib/roles/compare";
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
  const { member, allowed } = await openSettingsPage("/settings/roles/compare");
  if (!allowed) return <NoAccess />;
  const { a, b } = params.parse(await searchParams);
  const [t, roles, objects, localize] = await Promise.all([getTranslations("roles.compare"), listRoles(db, member.workspaceId), listObjects(db, member.workspaceId), metadataLabels()]);
  const first = roles.find((role) => role.id === a);
  const second = roles.find((role) => role.id === b);
  const rows = first && second ? await compareRoles(db, member.workspaceId, first.id, second.id) : null;
  const labels = localize(objects).map((object) => ({ name: object.nameSingular, labelPlural: object.labelPlural, fields: object.fields.map((field) => ({ name: field.name, label: field.label })) }));
  const select = (name: string, label: string, value: string | undefined) => (
    <label className="text-sm font-medium text-gray-900">
      {label}
      <select name={name} defaultValue={value ?? ""} className="mt-1 block w-56 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm">
        <option value="" disabled>{t("choose")}</option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>{role.name}</option>
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
