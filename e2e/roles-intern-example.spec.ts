import { db, test, expect } from "./fixtures";

test("the guide's Intern example, built from scratch in the browser, saved and read back", async ({ page, workspace }) => {
  await page.goto("/settings/roles");
  await page.getByRole("button", { name: "+ Create role" }).click();
  await expect(page.getByRole("heading", { name: "New role" })).toBeVisible();

  // Baseline: See on, Edit off (the defaults of a new role, checked rather than assumed).
  await expect(page.getByRole("switch", { name: "See records on all objects" })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Edit records on all objects" })).not.toBeChecked();

  // Opportunities → See off.
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await page.getByRole("dialog", { name: "Add a rule" }).getByRole("button", { name: "Opportunities" }).click();
  await page.getByRole("switch", { name: "See records", exact: true }).click();
  await expect(page.getByRole("switch", { name: "See records", exact: true })).not.toBeChecked();
  await page.getByRole("button", { name: "Finish" }).click();

  // People → Edit on; Email → See field; Address → No access.
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await page.getByRole("dialog", { name: "Add a rule" }).getByRole("button", { name: "People" }).click();
  await page.getByRole("switch", { name: "Edit records", exact: true }).click();
  await page.getByRole("combobox", { name: "Access to Email" }).selectOption({ label: "See field" });
  await page.getByRole("combobox", { name: "Access to Address" }).selectOption({ label: "No access" });
  await page.getByPlaceholder("Search a field...").fill("addr");
  await expect(page.getByRole("combobox", { name: "Access to Email" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Access to Address" })).toHaveValue("none");
  await page.getByPlaceholder("Search a field...").fill("");
  await page.getByRole("button", { name: "Finish" }).click();

  // Nothing is persisted before Save.
  expect(await countRoles(workspace.workspace.id)).toBe(4);

  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Role name").fill("Stagiaire");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role created")).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/roles\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Stagiaire" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("switch", { name: "See records on all objects" })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Edit records on all objects" })).not.toBeChecked();
  await page.getByRole("button", { name: "Edit rule for Opportunities" }).click();
  await expect(page.getByRole("switch", { name: "See records", exact: true })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Edit records", exact: true })).not.toBeChecked();
  await page.getByRole("button", { name: "Finish" }).click();
  await page.getByRole("button", { name: "Edit rule for People" }).click();
  await expect(page.getByRole("switch", { name: "Edit records", exact: true })).toBeChecked();
  await expect(page.getByRole("switch", { name: "Delete records", exact: true })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Access to Email" })).toHaveValue("see");
  await expect(page.getByRole("combobox", { name: "Access to Address" })).toHaveValue("none");
  await expect(page.getByRole("combobox", { name: "Access to Phone" })).toHaveValue("edit");
  // The label field cannot be restricted.
  await expect(page.getByRole("combobox", { name: "Access to Name" })).toHaveCount(0);

  const saved = await db.role.findFirstOrThrow({
    where: { workspaceId: workspace.workspace.id, name: "Stagiaire" },
    include: { objectPermissions: { include: { object: true } }, fieldPermissions: { include: { field: true } } },
  });
  expect(saved.objectPermissions.map((rule) => [rule.object.nameSingular, rule.canSee, rule.canEdit]).sort()).toEqual([
    ["opportunity", false, null],
    ["person", null, true],
  ]);
  expect(saved.fieldPermissions.map((rule) => [rule.field.name, rule.canSee, rule.canEdit]).sort()).toEqual([
    ["address", false, false],
    ["email", true, false],
  ]);
});

async function countRoles(workspaceId: string) {
  return db.role.count({ where: { workspaceId } });
}

