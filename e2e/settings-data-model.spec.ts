import { db, test, expect, expectFieldError } from "./fixtures";

test("add a select field to Companies: it appears in the data model and in the role editor's field table", async ({ page, workspace }) => {
  await page.goto("/settings/data-model");
  const companies = page.getByRole("region", { name: /^Companies/ });
  await expect(companies.getByRole("row", { name: /Domain/ })).toContainText("domain");

  await companies.getByRole("button", { name: "Add field to Companies" }).click();
  const dialog = page.getByRole("dialog", { name: "New field on Companies" });
  await dialog.getByLabel("Name").fill("Customer tier");
  await expect(dialog.getByLabel("Key")).toHaveAttribute("placeholder", "customerTier");
  await dialog.getByLabel("Data type").selectOption({ label: "Select" });
  await dialog.getByLabel("Options").fill("Gold\nSilver\nBronze");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expect(page.getByText("Field Customer tier added to Companies")).toBeVisible();
  const row = companies.getByRole("row", { name: /Customer tier/ });
  await expect(row).toContainText("customerTier");
  await expect(row).toContainText("Custom");

  const field = await db.fieldMetadata.findFirstOrThrow({ where: { objectMetadataId: workspace.objects.company.id, name: "customerTier" } });
  expect(field).toMatchObject({ type: "SELECT", isCustom: true });

  await page.goto(`/settings/roles/${workspace.roles.Intern.id}?object=company`);
  await expect(page.getByRole("row", { name: /Customer tier/ })).toBeVisible();
});

test("a key already used on the object, or reserved, is refused beside the field", async ({ page, workspace }) => {
  await page.goto("/settings/data-model");
  const people = page.getByRole("region", { name: /^People/ });
  await people.getByRole("button", { name: "Add field to People" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Email");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expectFieldError(dialog, "Key", "This object already has a field with this key.");

  await dialog.getByLabel("Key").fill("deletedAt");
  await dialog.getByRole("button", { name: "Add field" }).click();
  await expect(dialog.locator(`#add-field-${workspace.objects.person.id}-key-error`)).toHaveText("This key is reserved. Choose another one.");
  expect(await db.fieldMetadata.count({ where: { objectMetadataId: workspace.objects.person.id, isCustom: true } })).toBe(0);
});

test("a member without the Data model permission gets No access", async ({ page, workspace, signIn }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/settings/data-model");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Companies/ })).toHaveCount(0);
});
