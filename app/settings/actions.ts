"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { getActingMember } from "@/lib/access/current-member";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { setUserLocale } from "@/lib/members/preferences";

const localeInput = z.enum(LOCALES);

/** Remembers the interface language for the signed-in user and in the NEXT_LOCALE cookie. */
export async function setLocaleAction(locale: string) {
  const parsed = localeInput.safeParse(locale);
  if (!parsed.success) return { ok: false as const };
  const member = await getActingMember();
  if (member) await setUserLocale(db, member.userId, parsed.data);
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  return { ok: true as const };
}
