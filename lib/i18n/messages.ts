import type { Locale } from "./locales";
import en from "@/messages/en.json";

export type Messages = typeof en;

type Tree = { [key: string]: string | Tree };

/** A missing translation falls back to English instead of showing a key. */
function withFallback(base: Tree, override: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const fallback = base[key];
    merged[key] = typeof value === "object" && typeof fallback === "object" ? withFallback(fallback, value) : value;
  }
  return merged;
}

const loaders: Record<Exclude<Locale, "en">, () => Promise<{ default: Tree }>> = {
  fr: () => import("@/messages/fr.json"),
  it: () => import("@/messages/it.json"),
  ro: () => import("@/messages/ro.json"),
  ja: () => import("@/messages/ja.json"),
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "en") return en;
  const translated = (await loaders[locale]()).default;
  return withFallback(en as unknown as Tree, translated) as unknown as Messages;
}
