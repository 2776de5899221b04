import { db, expect, test } from "./fixtures";

test("an assignment with Until shows its end date, and is stored as that instant", async ({ page, workspace }) => {
  const member = workspace.members[1];
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}?tab=assignment`);
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await page.getByRole("dialog").getByRole("searchbox").fill(member.user.name);
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(member.user.name) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Until").fill("2030-01-15T10:30");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  const holders = page.getByRole("region", { name: /^Members/ });
  await expect(holders.getByText(member.user.name)).toBeVisible();
  await expect(holders.getByText(/Until Jan 15, 2030/)).toBeVisible();
  const stored = await db.workspaceMember.findUniqueOrThrow({ where: { id: member.id } });
  expect(stored.roleId).toBe(workspace.roles.Intern.id);
  expect(stored.roleExpiresAt?.getUTCFullYear()).toBe(2030);
});
