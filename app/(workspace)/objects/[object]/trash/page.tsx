import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { TrashList } from "@/components/records/trash-list";
import { RecordsNoAccess } from "@/components/records/records-no-access";
import { requestObjectView } from "@/lib/records/request-view";

interface Props {
  params: Promise<{ object: string }>;
}

export async function generateMetadata({ params }: Props) {
  const loaded = await requestObjectView((await params).object);
  if (loaded) return { title: (await getTranslations("records.trash"))("title", { object: loaded.view.labelPlural }) };
  return { title: (await getTranslations("records.noAccess"))("title") };
}

export default async function TrashPage({ params }: Props) {
  const member = await requireMember();
  const loaded = await requestObjectView((await params).object);
  if (!loaded) return <RecordsNoAccess />;
  return <TrashList key={loaded.view.namePlural} view={loaded.view} />;
}
