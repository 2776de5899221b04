import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { isDomainError } from "@/lib/errors";
import { getRecord, visibleFieldsOf, type VisibleRecord } from "@/lib/records";
import { relatedLabels } from "@/lib/csv/related-labels";
import { RecordDetail } from "@/components/records/record-detail";
import { RecordNotFound, RecordsNoAccess } from "@/components/records/records-no-access";
import { requestObjectView } from "@/lib/records/request-view";

interface Props {
  params: Promise<{ object: string; id: string }>;
}

export async function generateMetadata({ params }: Props) {
  const { object, id } = await params;
  const loaded = await requestObjectView(object);
  if (!loaded) return { title: (await getTranslations("records.noAccess"))("title") };
  const record = await getRecord(db, await requireMember(), loaded.object.namePlural, id).catch(() => null);
  const label = record && loaded.view.labelField ? record[loaded.view.labelField] : null;
  return { title: typeof label === "string" && label !== "" ? label : loaded.view.labelSingular };
}

export default async function RecordPage({ params }: Props) {
  const member = await requireMember();
  const { object, id } = await params;
  const loaded = await requestObjectView(object);
  if (!loaded) return <RecordsNoAccess />;

  let record: VisibleRecord;
  try {
    record = await getRecord(db, member, loaded.object.namePlural, id);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return <RecordNotFound object={loaded.view.namePlural} objectLabel={loaded.view.labelPlural} />;
    if (isDomainError(error) && error.code === "FORBIDDEN") return <RecordsNoAccess />;
    throw error;
  }
  const labels = await relatedLabels(db, member, visibleFieldsOf(member, loaded.object), [record]);
  // A new server render (after a save or a restore elsewhere) starts the form from the saved values.
  return <RecordDetail key={`${id}:${String(record.updatedAt)}:${String(record.deletedAt)}`} view={loaded.view} record={record} labels={labels} />;
}
