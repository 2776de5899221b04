import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LockKeyhole } from "lucide-react";

/**
 * Shown at the URL of an object the role cannot see. An object that does not exist gets the same
 * page, so the URL bar cannot be used to learn which objects exist.
 */
export async function RecordsNoAccess() {
  const t = await getTranslations("records.noAccess");
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-gray-200 bg-white p-8 text-center">
      <LockKeyhole aria-hidden className="mx-auto size-8 text-gray-400" />
      <h1 className="mt-3 text-lg font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-gray-600">{t("body")}</p>
      <Link href="/objects" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}

/** A record id that does not exist (or was destroyed) in an object the role can see. */
export async function RecordNotFound({ object, objectLabel }: { object: string; objectLabel: string }) {
  const t = await getTranslations("records.notFound");
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-gray-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-gray-600">{t("body")}</p>
      <Link href={`/objects/${object}`} className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        {t("back", { object: objectLabel })}
      </Link>
    </div>
  );
}
