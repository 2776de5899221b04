import { getTranslations } from "next-intl/server";
import { LockKeyhole } from "lucide-react";
import { NoticeCard } from "./notice-card";

/** Shown instead of a settings page the member's role does not open. */
export async function NoAccess() {
  const t = await getTranslations("common");
  return <NoticeCard icon={LockKeyhole} title={t("noAccessTitle")} body={t("noAccessBody")} href="/settings/my-role" linkLabel={t("backToSettings")} />;
}
