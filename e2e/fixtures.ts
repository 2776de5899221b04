import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { sealData } from "iron-session";
import { createPrismaClient } from "@/lib/db/prisma";
import { SESSION_COOKIE } from "@/lib/auth/session-config";
import { startSession } from "@/lib/auth/sessions";
import { createTestWorkspace } from "@/prisma/test-workspace";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_SESSION_SECRET } from "./env";

/** The e2e database, for setting up and checking state directly (the server uses the same file). */
export const db = createPrismaClient(E2E_DATABASE_URL);

/** Signs a browser context in as a user without going through the sign-in form: a real server-side session. */
export async function signInAs(context: BrowserContext, email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const sessionId = await startSession(db, user.id);
  const value = await sealData({ userId: user.id, sessionId }, { password: E2E_SESSION_SECRET, ttl: 60 * 60 });
  await context.addCookies([{ name: SESSION_COOKIE, value, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
}

type TestWorkspace = Awaited<ReturnType<typeof createTestWorkspace>>;

export const test = base.extend<{
  signIn: (email: string) => Promise<void>;
  /** A fresh workspace of its own (two admins, two members, a key, an agent), signed in as its first admin. */
  workspace: TestWorkspace;
}>({
  signIn: async ({ context }, use) => {
    await use((email) => signInAs(context, email));
  },
  workspace: async ({ context }, use) => {
    const workspace = await createTestWorkspace(db);
    await signInAs(context, workspace.admins[0].user.email);
    await use(workspace);
  },
});

/** The labelled control is marked invalid and its error (`#<control id>-error`) reads `message`. */
export async function expectFieldError(scope: Page | Locator, label: string, message: string) {
  const control = scope.getByLabel(label);
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await expect(scope.locator(`#${await control.getAttribute("id")}-error`)).toHaveText(message);
}

export { expect };
