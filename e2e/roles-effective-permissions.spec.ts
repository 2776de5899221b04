import { test, expect } from "./fixtures";

test("what can an API key do: object by object and field by field, with the deciding rule", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Member.id}?tab=assignment`);
  await page.getByRole("link", { name: `View permissions of ${workspace.agent.name}` }).click();
  await expect(page.getByText(`${workspace.agent.name} acts with the Member role.`)).toBeVisible();

  await page.getByLabel("Member, API key or AI agent").selectOption({ label: workspace.apiKey.name });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText(`${workspace.apiKey.name} has no role of its own and acts with the default role, Member.`)).toBeVisible();
  // See, Create, Edit, Delete (not Destroy).
  await expect(page.getByRole("row", { name: /^Opportunities/ }).getByText("Allowed", { exact: true })).toHaveCount(4);
});
