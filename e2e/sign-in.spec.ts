import { test, expect } from "./fixtures";

test("a signed-out visitor is sent to the sign-in page and comes back after signing in", async ({ page }) => {
  await page.goto("/settings/my-role");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Rolecall" })).toBeVisible();
  await expect(page.getByText("rolecall-demo")).toBeVisible();

  await page.getByLabel("Email").fill("mia@acme.dev");
  await page.getByLabel("Password").fill("rolecall-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/my-role$/);
  await expect(page.getByRole("heading", { name: "My role" })).toBeVisible();
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@acme.dev");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("admin@acme.dev");
  await page.goto("/settings/roles");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ page, signIn }) => {
  await signIn("gus@acme.dev");
  await page.goto("/settings/my-role");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/my-role");
  await expect(page).toHaveURL(/\/sign-in/);
});
