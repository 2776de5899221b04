import { db, expect, test } from "./fixtures";

test("History shows each saved version with its diff, and Restore this version brings an old one back", async ({ page, workspace }) => {
  const intern = workspace.roles.Intern;
  await page.goto(`/settings/roles/${intern.id}`);
  await page.getByRole("button", { name: /People/ }).first().click();
  await page.getByRole("switch", { name: "See records" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();

  await page.getByRole("tab", { name: "History" }).click();
  const versions = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Version/ }) });
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("Current");
  await expect(versions.first()).toContainText("Loses See records on People");
  await expect(versions.nth(1)).toContainText("State before history");

  await versions.nth(1).getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByRole("heading", { name: /^Version/ })).toHaveCount(3);
  await expect(versions.first()).toContainText("Restored");
  await expect(versions.first()).toContainText("Gains See records on People");

  await page.reload();
  await page.getByRole("tab", { name: "Permissions" }).click();
  await page.getByRole("button", { name: /People/ }).first().click();
  await expect(page.getByRole("switch", { name: "See records" })).toBeChecked();
  const rule = await db.objectPermission.findFirstOrThrow({ where: { roleId: intern.id, object: { nameSingular: "person" } } });
  expect(rule.canSee).not.toBe(false);
});
