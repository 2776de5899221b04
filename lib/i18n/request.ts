import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActingMember } from "@/lib/access/current-member";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The member's saved choice, then the NEXT_LOCALE cookie, then the browser's language, then the
 * workspace's default language.
 */
async function resolveLocale(): Promise<Locale> {
  const member = await getActingMember().catch(() => null);
  if (isLocale(member?.locale)) return member.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const browser = localeFromAcceptLanguage((await headers()).get("accept-language"));
  if (browser) return browser;
  return isLocale(member?.workspaceLocale) ? member.workspaceLocale : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
