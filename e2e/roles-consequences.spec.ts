/** SPEC §14 on the demo workspace, read-only: impact before Save (then Cancel), and Compare. */
import { db, expect, test } from "./fixtures";

test.beforeEach(async ({ signIn }) => {
  await signIn("admin@acme.dev");
});

async function demoRoleId(name: string) {
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: "Acme" } });
  return (await db.role.findFirstOrThrow({ where: { workspaceId: workspace.id, name } })).id;
}

test("turning off See records on People for Intern shows who loses what before Save", async ({ page }) => {
  const internId = await demoRoleId("Intern");
  await page.goto(`/settings/roles/${internId}`);
  await expect(page.getByRole("region", { name: "Impact of these changes" })).toHaveCount(0);
  await page.getByRole("button", { name: /People/ }).first().click();
  await page.getByRole("switch", { name: "See records" }).click();
  const impact = page.getByRole("region", { name: "Impact of these changes" });
  await expect(impact).toContainText("1 member, 1 API key and no AI agent hold this role.");
  await expect(impact).toContainText("Loses See records on People");
  await expect(impact).toContainText("Loses Edit records on People");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(impact).toHaveCount(0);
  expect((await db.objectPermission.findMany({ where: { roleId: internId, canSee: false } })).length).toBe(1);
});

test("Compare shows only where Intern and Guest differ, with links to both", async ({ page }) => {
  await page.goto("/settings/roles");
  await page.getByRole("link", { name: "Compare" }).click();
  await page.getByLabel("First role").selectOption({ label: "Intern" });
  await page.getByLabel("Second role").selectOption({ label: "Guest" });
  await page.getByRole("button", { name: "Compare" }).click();
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader", { name: "See records on Opportunities" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Edit records on People" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "See field Address on People" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Export CSV" })).toBeVisible();
  await expect(table.getByText(/Companies|Notes|Tasks/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Intern" })).toHaveAttribute("href", `/settings/roles/${await demoRoleId("Intern")}`);
});
