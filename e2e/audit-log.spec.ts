import { test, expect } from "./fixtures";

test("role changes appear in the audit log with actor and before/after, filterable by role", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  await page.getByRole("switch", { name: "Export CSV" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();

  await page.goto("/settings/audit-log");
  await page.getByLabel("Role").selectOption({ label: "Guest" });
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row", { name: /Role updated/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(workspace.admins[0].user.name);
  await row.locator("summary").click();
  await expect(row.locator("pre").nth(1)).toContainText("EXPORT_CSV");

  await page.getByLabel("Role").selectOption({ label: "Intern" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();
});
