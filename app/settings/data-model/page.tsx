import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listObjects } from "@/lib/metadata/queries";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/settings/page-header";
import { AddField } from "@/components/settings/data-model/add-field";

export async function generateMetadata() {
  const t = await getTranslations("settings.dataModel");
  return { title: t("title") };
}

function Badge({ children, tone = "gray" }: { children: string; tone?: "gray" | "brand" }) {
  return (
    <span className={tone === "brand" ? "rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700" : "rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600"}>
      {children}
    </span>
  );
}

export default async function DataModelPage() {
  const member = await requireMember();
  if (!canSetting(member.permissions, "DATA_MODEL")) return <NoAccess />;
  const [t, tt, objects] = await Promise.all([getTranslations("settings.dataModel"), getTranslations("dataTypes"), listObjects(db, member.workspaceId)]);
  const typeLabel = (type: string) => (tt.has(type as never) ? tt(type as never) : type);

  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {objects.length === 0 ? <p className="mt-8 text-sm text-gray-500">{t("noObjects")}</p> : null}
      <div className="mt-8 space-y-6">
        {objects.map((object) => (
          <section key={object.id} aria-labelledby={`object-${object.id}`} className="rounded-lg border border-gray-200 bg-white">
            <header className="flex items-center justify-between gap-4 border-b border-gray-100 px-4 py-3">
              <div>
                <h2 id={`object-${object.id}`} className="text-sm font-semibold text-gray-900">
                  {object.labelPlural} <span className="font-normal text-gray-500">({t("fieldCount", { count: object.fields.length })})</span>
                </h2>
                <p className="font-mono text-xs text-gray-500">/api/rest/{object.namePlural}</p>
              </div>
              <AddField objectId={object.id} objectLabel={object.labelPlural} />
            </header>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
                  <th scope="col" className="px-4 py-2 font-medium">{t("name")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("key")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("type")}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t("kind")}</th>
                </tr>
              </thead>
              <tbody>
                {object.fields.map((field) => (
                  <tr key={field.id} className="border-b border-gray-100 last:border-b-0">
                    <th scope="row" className="px-4 py-2 text-left font-normal text-gray-900">{field.label}</th>
                    <td className="py-2 pr-4 font-mono text-xs text-gray-700">{field.name}</td>
                    <td className="py-2 pr-4 text-gray-700">{typeLabel(field.type)}</td>
                    <td className="py-2 pr-4">
                      <span className="flex flex-wrap gap-1">
                        {field.isLabel ? <Badge tone="brand">{t("flags.label")}</Badge> : null}
                        {field.isSystem ? <Badge>{t("flags.system")}</Badge> : null}
                        {field.isCustom ? <Badge tone="brand">{t("flags.custom")}</Badge> : null}
                        {!field.isLabel && !field.isSystem && !field.isCustom ? <Badge>{t("flags.standard")}</Badge> : null}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </div>
  );
}
