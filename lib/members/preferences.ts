import type { Tx } from "@/lib/db/prisma";
import type { Locale } from "@/lib/i18n/locales";

export async function setUserLocale(db: Tx, userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
