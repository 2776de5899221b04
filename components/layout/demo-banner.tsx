import { getTranslations } from "next-intl/server";

/** Over every page of the demo workspace (SPEC §12): its data and passwords are public. */
export async function DemoBanner({ show }: { show: boolean }) {
  if (!show) return null;
  const t = await getTranslations("common");
  return (
    <div role="note" aria-label={t("demoBanner")} className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <strong className="font-semibold">{t("demoBanner")}</strong> · {t("demoBannerBody")}
    </div>
  );
}
