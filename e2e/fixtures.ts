import { test as base, expect, type BrowserContext } from "@playwright/test";
import { sealData } from "iron-session";
import { createPrismaClient } from "@/lib/db";
import { SESSION_COOKIE } from "@/lib/auth/session-config";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_SESSION_SECRET } from "./env";

/** The e2e database, for setting up and checking state directly (the server uses the same file). */
export const db = createPrismaClient(E2E_DATABASE_URL);

/** Signs a browser context in as a user without going through the sign-in form. */
export async function signInAs(context: BrowserContext, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const value = await sealData({ userId: user.id }, { password: E2E_SESSION_SECRET, ttl: 60 * 60 });
  await context.addCookies([{ name: SESSION_COOKIE, value, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
}

export const test = base.extend<{ signIn: (email: string) => Promise<void> }>({
  signIn: async ({ context }, use) => {
    await use((email) => signInAs(context, email));
  },
});

export { expect };
