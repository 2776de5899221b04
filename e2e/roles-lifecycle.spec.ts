import { db, test, expect, expectFieldError } from "./fixtures";

test("create, rename and delete a role; its holders move to the default role", async ({ page, workspace }) => {
  await page.goto("/settings/roles/new");
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Role name").fill("  サポート  ");
  await page.getByLabel("Description").fill("Support team");
  await page.getByRole("radio", { name: "headset" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: "サポート" })).toBeVisible();
  await expect(page.getByText("Role created")).toBeVisible();

  // The list finds it by its Japanese name.
  await page.getByRole("link", { name: "Roles", exact: true }).first().click();
  await page.getByPlaceholder("Search a role...").fill("サポ");
  await expect(page.getByRole("link", { name: /サポート/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Guest/ })).toHaveCount(0);
  await page.getByRole("link", { name: /サポート/ }).click();

  // Assign a member so that the deletion has someone to move.
  const member = workspace.members[0];
  await page.getByRole("tab", { name: "Assignment" }).click();
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await page.getByRole("dialog").getByRole("searchbox").fill(member.user.name);
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(member.user.name) }).click();
  await expect(page.getByRole("dialog")).toContainText("will move from Member to サポート");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("region", { name: /Members/ }).getByText(member.user.name)).toBeVisible();

  // Rename.
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Role name").fill("Support");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Support", exact: true })).toBeVisible();

  // Delete: dialog, Confirm, members moved to the default role.
  await page.getByRole("button", { name: "Delete role" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete role" });
  await expect(dialog).toContainText("Member");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/settings\/roles$/);
  await expect(page.getByText(/1 member, no API key and no AI agent moved to Member/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Support/ })).toHaveCount(0);
  const moved = await db.workspaceMember.findUniqueOrThrow({ where: { id: member.id } });
  expect(moved.roleId).toBe(workspace.roles.Member.id);
});

test("a duplicate or empty name is refused beside the field and nothing is created", async ({ page, workspace }) => {
  await page.goto("/settings/roles/new");
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Role name").fill("guest");
  await page.getByRole("button", { name: "Save" }).click();
  await expectFieldError(page, "Role name", "A role with this name already exists");
  await page.getByLabel("Role name").fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#role-name-error")).toHaveText("Role name is required");
  expect(await db.role.count({ where: { workspaceId: workspace.workspace.id } })).toBe(4);
});

test("Admin and the default role cannot be deleted; Admin is read-only", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Admin.id}`);
  await expect(page.getByText("The Admin role cannot be edited.", { exact: false })).toBeVisible();
  await expect(page.getByRole("switch", { name: "See records on all objects" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await page.getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByLabel("Role name")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete role" })).toBeDisabled();

  await page.goto(`/settings/roles/${workspace.roles.Member.id}`);
  await page.getByRole("tab", { name: "Settings" }).click();
  await expect(page.getByText("The default role cannot be deleted. Choose another default role first.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete role" })).toBeDisabled();
});

test("the default role is chosen in Options and new roles cannot be the Admin", async ({ page, workspace }) => {
  await page.goto("/settings/roles");
  const select = page.getByLabel("Default role");
  await expect(select).toHaveValue(workspace.roles.Member.id);
  // The badge is a word of its own in the row's accessible name ("Member Default", never "MemberDefault").
  await expect(page.getByRole("link", { name: /^Member Default\b/ })).toBeVisible();
  await expect(select.locator("option", { hasText: "Admin" })).toHaveCount(0);
  await select.selectOption({ label: "Guest" });
  await expect(page.getByText("Default role changed to Guest")).toBeVisible();
  await expect(page.getByRole("row", { name: /Guest/ }).getByText("Default")).toBeVisible();
  expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.workspace.id } })).defaultRoleId).toBe(workspace.roles.Guest.id);
});
