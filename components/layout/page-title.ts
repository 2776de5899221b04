import { getTranslations } from "next-intl/server";

/**
 * A page's `generateMetadata` that titles it with `${namespace}.title`, the heading most pages
 * already show: `export const generateMetadata = pageTitle("settings.members");`.
 */
export function pageTitle(namespace: string) {
  return async function generateMetadata() {
    const t = await getTranslations(namespace as never);
    return { title: t("title" as never) as string };
  };
}
