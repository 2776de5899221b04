import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { canSetting } from "@/lib/permissions";
import { listObjects } from "@/lib/metadata/queries";
import { NoAccess } from "@/components/layout/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { Count, Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/data-table";
import { AddField } from "@/components/settings/data-model/add-field";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("settings.dataModel");

function Badge({ children, tone = "gray" }: { children: string; tone?: "gray" | "brand" }) {
  return (
    <span className={tone === "brand" ? "rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700" : "rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-600"}>
      {children}
    </span>
  );
}

type Field = Awaited<ReturnType<typeof listObjects>>[number]["fields"][number];

function FieldBadges({ field, t }: { field: Field; t: (key: "flags.label" | "flags.system" | "flags.custom" | "flags.standard") => string }) {
  return (
    <span className="flex flex-wrap gap-1">
      {field.isLabel ? <Badge tone="brand">{t("flags.label")}</Badge> : null}
      {field.isSystem ? <Badge>{t("flags.system")}</Badge> : null}
      {field.isCustom ? <Badge tone="brand">{t("flags.custom")}</Badge> : null}
      {!field.isLabel && !field.isSystem && !field.isCustom ? <Badge>{t("flags.standard")}</Badge> : null}
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
          <Section
            key={object.id}
            id={`object-${object.id}`}
            align="center"
            title={<>{object.labelPlural} <Count>{t("fieldCount", { count: object.fields.length })}</Count></>}
            description={<p className="font-mono text-xs text-gray-500">/api/rest/{object.namePlural}</p>}
            actions={<AddField objectId={object.id} objectLabel={object.labelPlural} />}
          >
            <DataTable
              rows={object.fields}
              rowKey={(field) => field.id}
              density="compact"
              columns={[
                { key: "name", header: t("name"), rowHeader: true, className: "font-normal text-gray-900", cell: (field) => field.label },
                { key: "key", header: t("key"), className: "font-mono text-xs text-gray-700", cell: (field) => field.name },
                { key: "type", header: t("type"), cell: (field) => typeLabel(field.type) },
                { key: "kind", header: t("kind"), className: "", cell: (field) => <FieldBadges field={field} t={t} /> },
              ]}
            />
          </Section>
        ))}
      </div>
    </div>
  );
}
