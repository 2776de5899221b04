import { db, test, expect, expectFieldError } from "./fixtures";

test("the settings navigation lists every page in order for an admin", async ({ page, workspace }) => {
  await page.goto("/settings/workspace");
  const nav = page.getByRole("navigation", { name: "Settings navigation" });
  await expect(nav.getByRole("link")).toHaveText(["My role", "Account", "General", "Members", "Roles", "API keys", "API reference", "Data model", "Security", "Workflows", "Audit log"]);
  await expect(nav.getByRole("link", { name: "General" })).toHaveAttribute("aria-current", "page");
  expect(workspace.workspace.name).toContain("Test");
});

test("rename the workspace and set its default language", async ({ page, workspace }) => {
  const name = `Renamed ${workspace.tag}`;
  await page.goto("/settings/workspace");
  await expect(page.getByRole("heading", { name: "General", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveValue(workspace.workspace.name);
  const language = page.getByLabel("Default language");
  await expect(language.getByRole("option")).toHaveText(["English", "Français", "Italiano", "Română", "日本語"]);

  await page.getByLabel("Workspace name").fill(`  ${name}  `);
  await language.selectOption({ label: "Français" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Workspace saved")).toBeVisible();
  await expect(page.getByRole("complementary").getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveValue(name);
  // The interface stays in the member's language: the default only applies when nothing else does.
  await expect(page.getByRole("heading", { name: "General", level: 1 })).toBeVisible();
  expect(await db.workspace.findUniqueOrThrow({ where: { id: workspace.workspace.id } })).toMatchObject({ name, defaultLocale: "fr" });
});

test("an empty name is refused beside the field and nothing changes", async ({ page, workspace }) => {
  await page.goto("/settings/workspace");
  await page.getByLabel("Workspace name").fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "Workspace name", "Enter a name of 1 to 100 characters.");
  expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.workspace.id } })).name).toBe(workspace.workspace.name);
});

test("a member without the Workspace permission gets No access", async ({ page, workspace, signIn }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/settings/workspace");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveCount(0);
});
