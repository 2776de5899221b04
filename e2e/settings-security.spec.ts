import { test, expect } from "./fixtures";

test("the security page lists the Admins, the roles that open settings and keys that never expire", async ({ page, workspace }) => {
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

  const admins = page.getByRole("region", { name: /^Admins/ });
  for (const admin of workspace.admins) await expect(admins).toContainText(admin.user.email);
  await expect(admins.getByRole("link", { name: "Manage members" })).toHaveAttribute("href", "/settings/members");

  const roles = page.getByRole("region", { name: "Roles with access to settings" });
  await expect(roles.getByRole("row", { name: /^Admin/ })).toContainText("All settings");

  const keys = page.getByRole("region", { name: /^API keys that never expire/ });
  await expect(keys.getByRole("row", { name: new RegExp(workspace.apiKey.name) })).toContainText("Default role");
  await keys.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
});

test("a member without the Security permission gets No access", async ({ page, workspace, signIn }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});
