import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { metadataLabels } from "@/lib/i18n/metadata-labels";
import { requireMember } from "@/lib/access/current-member";
import { visibleObjects } from "@/lib/records/object-view";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("records.home");

/** The records home: the first object the member's role can see. */
export default async function RecordsHome() {
  const member = await requireMember();
  const [first] = await visibleObjects(db, member, await metadataLabels());
  if (first) redirect(`/objects/${first.namePlural}`);
  const t = await getTranslations("records.home");
  return (
    <div className="max-w-xl">
      <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-gray-600">{t("noObjects")}</p>
    </div>
  );
}
