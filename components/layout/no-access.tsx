import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LockKeyhole } from "lucide-react";

/** Shown instead of a settings page the member's role does not open. */
export async function NoAccess() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-gray-200 bg-white p-8 text-center">
      <LockKeyhole aria-hidden className="mx-auto size-8 text-gray-400" />
      <h1 className="mt-3 text-lg font-semibold text-gray-900">{t("noAccessTitle")}</h1>
      <p className="mt-2 text-sm text-gray-600">{t("noAccessBody")}</p>
      <Link href="/settings/my-role" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("backToSettings")}
      </Link>
    </div>
  );
}
