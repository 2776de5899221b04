import type { Page } from "@playwright/test";
import { createTestWorkspace } from "@/prisma/test-workspace";
import { db, signInAs, test, expect } from "./fixtures";
import { E2E_BASE_URL } from "./env";

/** A member no other test signs in as, so throttling and session changes stay within the test. */
async function freshMember() {
  const workspace = await createTestWorkspace(db, { admins: 1, members: 1 });
  return workspace.members[0].user.email;
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("after 5 wrong passwords for one email, sign-in is refused for minutes, even with the right password", async ({ page }) => {
  const email = await freshMember();
  await page.goto("/sign-in");
  for (let attempt = 0; attempt < 5; attempt++) {
    await submitSignIn(page, email, `wrong-password-${attempt}`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await page.goto("/sign-in");
  }
  await submitSignIn(page, email, "rolecall-demo");
  await expect(page.getByText(/^Too many attempts\. Try again in (1[0-5]) minutes\.$/)).toBeVisible();
  await page.goto("/settings/my-role");
  await expect(page).toHaveURL(/\/sign-in/);
});

for (const next of ["/\\evil.example", "https://evil.example", "//evil.example/x"]) {
  test(`next=${next} after sign-in stays on this site`, async ({ page }) => {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await submitSignIn(page, "mia@acme.dev", "rolecall-demo");
    await expect(page).toHaveURL(/\/objects\/people/);
    expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
  });
}

test("Sign out of all sessions ends the other browser's session at its next request and keeps this one", async ({ page, browser }) => {
  const email = await freshMember();
  await signInAs(page.context(), email);
  const otherContext = await browser.newContext({ baseURL: E2E_BASE_URL });
  await signInAs(otherContext, email);
  const other = await otherContext.newPage();
  await other.goto("/settings/my-role");
  await expect(other.getByRole("heading", { name: "My role" })).toBeVisible();

  await page.goto("/settings/account");
  await expect(page.getByRole("navigation", { name: "Settings navigation" }).getByRole("link", { name: "Account" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Sign out of all sessions" }).click();
  await expect(page.getByText("Your other sessions were signed out.")).toBeVisible();

  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/settings/my-role");
  await expect(page.getByRole("heading", { name: "My role" })).toBeVisible();
  await otherContext.close();
});

test("change password, then sign in with the new one (the old one is refused)", async ({ page, browser }) => {
  const email = await freshMember();
  await signInAs(page.context(), email);
  await page.goto("/settings/account");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await page.getByLabel("Current password").fill("wrong current password");
  await page.getByLabel("New password").fill("a fresh passphrase 2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-password-error")).toHaveText("The current password is wrong.");

  await page.getByLabel("Current password").fill("rolecall-demo");
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#new-password-error")).toHaveText("Use at least 12 characters.");

  await page.getByLabel("New password").fill("a fresh passphrase 2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();

  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const other = await context.newPage();
  await other.goto("/sign-in");
  await submitSignIn(other, email, "rolecall-demo");
  await expect(other.getByText("Wrong email or password.")).toBeVisible();
  await submitSignIn(other, email, "a fresh passphrase 2026");
  await expect(other).toHaveURL(/\/objects\/people/);
  await context.close();
});

test("/setup answers 404 once a workspace exists", async ({ page }) => {
  const response = await page.goto("/setup");
  expect(response?.status()).toBe(404);
});

test("the demo workspace says so on every page; another workspace does not", async ({ page, signIn }) => {
  await signIn("mia@acme.dev");
  await page.goto("/objects/people");
  await expect(page.getByRole("note", { name: "Demo workspace" })).toBeVisible();
  await page.goto("/settings/account");
  await expect(page.getByRole("note", { name: "Demo workspace" })).toBeVisible();

  await signIn(await freshMember());
  await page.goto("/objects/people");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("note", { name: "Demo workspace" })).toHaveCount(0);
});

test("security headers are sent and pages hydrate without a CSP violation", async ({ page, signIn }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    // The app ships no favicon; the browser's own request for one is not the app's error.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(error.message));

  const response = await page.goto("/sign-in");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  await signIn("admin@acme.dev");
  await page.goto("/settings/roles");
  // Typing filters the list on the client: the page hydrated.
  await page.getByRole("searchbox", { name: "Search a role..." }).fill("Intern");
  await expect(page.getByRole("link", { name: /^Admin/ })).toHaveCount(0);
  await page.goto("/objects/people");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("something");
  await page.getByLabel("New password").fill("something else entirely");
  await expect(page.getByRole("button", { name: "Change password" })).toBeEnabled();
  expect(problems).toEqual([]);
});
