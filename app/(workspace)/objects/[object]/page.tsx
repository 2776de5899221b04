import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { listRecords, visibleFieldsOf } from "@/lib/records";
import { relatedLabels } from "@/lib/csv/related-labels";
import { PAGE_SIZE } from "@/components/records/constants";
import { RecordList } from "@/components/records/record-list";
import { RecordsNoAccess } from "@/components/records/records-no-access";
import { requestObjectView } from "@/lib/records/request-view";

interface Props {
  params: Promise<{ object: string }>;
}

export async function generateMetadata({ params }: Props) {
  const loaded = await requestObjectView((await params).object);
  if (loaded) return { title: loaded.view.labelPlural };
  return { title: (await getTranslations("records.noAccess"))("title") };
}

export default async function ObjectListPage({ params }: Props) {
  const member = await requireMember();
  const loaded = await requestObjectView((await params).object);
  if (!loaded) return <RecordsNoAccess />;
  const page = await listRecords(db, member, loaded.object.namePlural, { limit: PAGE_SIZE });
  const labels = await relatedLabels(db, member, visibleFieldsOf(member, loaded.object), page.records);
  return <RecordList key={loaded.view.namePlural} view={loaded.view} initialPage={{ records: page.records, pageInfo: page.pageInfo, labels }} />;
}
