import { expect, test } from "./fixtures";

test("View as Intern shows the records as the Intern sees them, read-only, under a banner with Exit", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await page.getByRole("button", { name: "View as this role" }).click();
  const banner = page.getByRole("status").filter({ hasText: "Viewing as Intern" });
  await expect(banner).toBeVisible();

  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "People" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Opportunities" })).toHaveCount(0);
  await nav.getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("columnheader", { name: "Email" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Address" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /New record/ })).toHaveCount(0);

  await banner.getByRole("button", { name: "Exit" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/roles/${workspace.roles.Intern.id}`));
  await expect(page.getByRole("status").filter({ hasText: "Viewing as" })).toHaveCount(0);
});
