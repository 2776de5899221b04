import { test, expect, signInAs } from "./fixtures";

test("leaving with unsaved changes asks first; Keep editing stays, Discard changes leaves", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  await page.getByRole("switch", { name: "Edit records on all objects" }).click();
  await page.getByRole("navigation", { name: "Settings navigation" }).getByRole("link", { name: "My role" }).click();

  const dialog = page.getByRole("dialog", { name: "Discard unsaved changes?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(page).toHaveURL(new RegExp(workspace.roles.Guest.id));
  await expect(page.getByRole("switch", { name: "Edit records on all objects" })).toBeChecked();

  await page.getByRole("link", { name: "Roles" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Discard changes" }).click();
  await expect(page).toHaveURL(/\/settings\/roles$/);
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  await expect(page.getByRole("switch", { name: "Edit records on all objects" })).not.toBeChecked();
});

test("Cancel discards; switches stay consistent (no edit without see)", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  const see = page.getByRole("switch", { name: "See records on all objects" });
  const edit = page.getByRole("switch", { name: "Edit records on all objects" });
  const destroy = page.getByRole("switch", { name: "Destroy records on all objects" });
  await destroy.click();
  await edit.click();
  await see.click();
  await expect(see).not.toBeChecked();
  await expect(edit).not.toBeChecked();
  await expect(destroy).not.toBeChecked();
  await destroy.click();
  await expect(see).toBeChecked();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(destroy).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
});

test("of two admins saving the same role, the second is refused and told to reload", async ({ page, browser, workspace }) => {
  const other = await browser.newContext();
  await signInAs(other, workspace.admins[1].user.email);
  const otherPage = await other.newPage();
  for (const current of [page, otherPage]) await current.goto(`/settings/roles/${workspace.roles.Guest.id}`);

  await page.getByRole("switch", { name: "Send email" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();

  await otherPage.getByRole("switch", { name: "Import CSV" }).click();
  await otherPage.getByRole("button", { name: "Save" }).click();
  await expect(otherPage.getByText("This role was changed by someone else. Reload to see the latest version.")).toBeVisible();
  await otherPage.getByRole("button", { name: "Reload" }).click();
  await expect(otherPage.getByRole("switch", { name: "Send email" })).toBeChecked();
  await expect(otherPage.getByRole("switch", { name: "Import CSV" })).not.toBeChecked();
  await other.close();
});

test("the object rule page: × removes an override, Revert undoes unsaved changes", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await page.getByRole("button", { name: "Edit rule for People" }).click();
  const edit = page.getByRole("switch", { name: "Edit records", exact: true });
  await expect(edit).toBeChecked();
  await page.getByRole("button", { name: "Remove override of Edit records" }).click();
  await expect(edit).not.toBeChecked();
  await page.getByRole("combobox", { name: "Access to Phone" }).selectOption({ label: "No access" });
  await page.getByRole("button", { name: "Revert" }).click();
  await expect(edit).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Access to Phone" })).toHaveValue("edit");
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
});

test("a member without the Roles permission gets no access to any role page", async ({ page, workspace, context }) => {
  await context.clearCookies();
  await signInAs(context, workspace.members[0].user.email);
  for (const path of ["/settings/roles", "/settings/roles/new", `/settings/roles/${workspace.roles.Guest.id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  }
});
