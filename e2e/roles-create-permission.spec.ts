/**
 * SPEC §13 "Create is distinct from Edit", in the browser: an admin turns `Create records on all
 * objects` off for the Member role (its Edit stays on), saves and reads it back after a reload; a
 * member of that role is then offered no `New record`.
 */
import { db, expect, test } from "./fixtures";

test("an admin turns Create off for Members, reads it back after a reload; a Member then sees no New record", async ({ page, signIn, workspace }) => {
  const member = workspace.roles.Member;
  await page.goto(`/settings/roles/${member.id}`);
  const create = page.getByRole("switch", { name: "Create records on all objects" });
  const edit = page.getByRole("switch", { name: "Edit records on all objects" });
  await expect(create).toBeChecked(); // existing roles keep create = edit
  await create.click();
  await expect(create).not.toBeChecked();
  await expect(edit).toBeChecked();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("switch", { name: "Create records on all objects" })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Edit records on all objects" })).toBeChecked();
  expect((await db.role.findUniqueOrThrow({ where: { id: member.id } })).canCreateAllObjects).toBe(false);

  // Turning See off turns Create off too; turning Create on turns See back on (nothing saved here).
  const see = page.getByRole("switch", { name: "See records on all objects" });
  await page.getByRole("switch", { name: "Create records on all objects" }).click();
  await see.click();
  await expect(page.getByRole("switch", { name: "Create records on all objects" })).not.toBeChecked();
  await page.getByRole("switch", { name: "Create records on all objects" }).click();
  await expect(see).toBeChecked();
  await page.getByRole("button", { name: "Cancel" }).click();

  await signIn(workspace.members[0].user.email);
  await page.goto("/objects/people");
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ New record" })).toHaveCount(0);
});

test("the object rule page has a Create records switch that inherits and can be overridden", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await page.getByRole("dialog", { name: "Add a rule" }).getByRole("button", { name: "Notes" }).click();
  const create = page.getByRole("switch", { name: "Create records", exact: true });
  await expect(create).not.toBeChecked();
  await create.click();
  await expect(create).toBeChecked();
  await page.getByRole("button", { name: "Finish" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();
  const rule = await db.objectPermission.findFirstOrThrow({ where: { roleId: workspace.roles.Guest.id, object: { nameSingular: "note" } } });
  expect([rule.canCreate, rule.canEdit]).toEqual([true, null]);
});
