import { db, test, expect, expectFieldError } from "./fixtures";
import { E2E_BASE_URL } from "./env";

test("invite a member: they join with the default role and sign in with the temporary password shown once", async ({ page, workspace, browser }) => {
  const email = `invitee-${workspace.tag}@test.dev`;
  const name = `Invitee ${workspace.tag}`;
  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "+ Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a member" });
  await expect(dialog).toContainText("default role, Member");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Email").fill(`  ${email.toUpperCase()} `);
  await dialog.getByRole("button", { name: "Invite" }).click();

  const reveal = page.getByRole("dialog", { name: `${name} can now sign in` });
  const password = await reveal.getByRole("textbox", { name: "Temporary password" }).inputValue();
  expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByText(password)).toHaveCount(0);

  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Member");
  const member = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
  expect(member.roleId).toBe(workspace.roles.Member.id);

  // The new member signs in through the form with the temporary password.
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const other = await context.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  // A temporary password must be replaced before anything else (SPEC §12).
  await expect(other).toHaveURL(/\/change-password$/);
  await other.goto("/settings/my-role");
  await expect(other).toHaveURL(/\/change-password$/);
  await other.getByLabel("Temporary password").fill(password);
  await other.getByLabel("New password").fill("my own quiet passphrase");
  await other.getByRole("button", { name: "Save and continue" }).click();
  // Members land on the records of the first object their role can see.
  await expect(other).toHaveURL(/\/objects\/people/);
  await other.goto("/settings/my-role");
  await expect(other.getByText("Your role is Member.", { exact: false })).toBeVisible();
  await context.close();
});

test("an invalid or taken email is refused beside the field", async ({ page, workspace }) => {
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "+ Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Someone");
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expectFieldError(dialog, "Email", "Enter a valid email address.");

  await dialog.getByLabel("Email").fill(workspace.members[0].user.email);
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.locator("#invite-email-error")).toHaveText("This email is already in use.");
  expect(await db.workspaceMember.count({ where: { workspaceId: workspace.workspace.id } })).toBe(4);
});

test("remove a member after confirming; nobody can remove themselves", async ({ page, workspace }) => {
  const [me] = workspace.admins;
  const target = workspace.members[1];
  await page.goto("/settings/members");

  const own = page.getByRole("button", { name: `Remove ${me.user.name}` });
  await expect(own).toHaveAttribute("aria-disabled", "true");
  await own.hover();
  await expect(page.getByRole("tooltip")).toHaveText("You cannot remove yourself from the workspace.");
  await page.mouse.move(0, 0);

  await page.getByRole("button", { name: `Remove ${target.user.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${target.user.name}?` });
  await expect(dialog).toContainText(target.user.email);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(`${target.user.name} was removed`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(target.user.name) })).toHaveCount(0);
  expect(await db.workspaceMember.count({ where: { id: target.id } })).toBe(0);
  expect(await db.auditLog.count({ where: { workspaceId: workspace.workspace.id, action: "member.removed", targetId: target.id } })).toBe(1);
});

test("a member without the Members permission gets No access and no nav entry", async ({ page, workspace, signIn }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Settings navigation" }).getByRole("link", { name: "Members" })).toHaveCount(0);
});
