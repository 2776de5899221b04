import { getTranslations } from "next-intl/server";
import { LockKeyhole } from "lucide-react";
import { NoticeCard } from "@/components/layout/notice-card";

/**
 * Shown at the URL of an object the role cannot see. An object that does not exist gets the same
 * page, so the URL bar cannot be used to learn which objects exist.
 */
export async function RecordsNoAccess() {
  const t = await getTranslations("records.noAccess");
  return <NoticeCard icon={LockKeyhole} title={t("title")} body={t("body")} href="/objects" linkLabel={t("back")} />;
}

/** A record id that does not exist (or was destroyed) in an object the role can see. */
export async function RecordNotFound({ object, objectLabel }: { object: string; objectLabel: string }) {
  const t = await getTranslations("records.notFound");
  return <NoticeCard title={t("title")} body={t("body")} href={`/objects/${object}`} linkLabel={t("back", { object: objectLabel })} />;
}
