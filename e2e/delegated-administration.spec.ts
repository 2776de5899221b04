/**
 * SPEC §11 in the browser, as a member whose role holds only `Roles` and See on all objects.
 */
import { createRole } from "@/prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

const REFUSAL = "You cannot grant permissions that your own role does not have.";

test.beforeEach(async ({ context, workspace }) => {
  const manager = await createRole(db, workspace.workspace.id, workspace.objects, { name: "Role manager", canSeeAllObjects: true, settings: ["ROLES"] });
  await db.workspaceMember.update({ where: { id: workspace.members[0].id }, data: { roleId: manager.id } });
  await context.clearCookies();
  await signInAs(context, workspace.members[0].user.email);
});

async function managerRole(workspaceId: string) {
  return db.role.findFirstOrThrow({ where: { workspaceId, name: "Role manager" }, include: { settingPermissions: true } });
}

test("turning on Settings all access on her own role is flagged, refused on Save, and nothing changes", async ({ page, workspace }) => {
  const before = await managerRole(workspace.workspace.id);
  await page.goto(`/settings/roles/${before.id}`);
  await page.getByRole("switch", { name: "Settings all access" }).click();
  // Flagged beside the switches it would grant, before Save.
  await expect(page.getByRole("switch", { name: "Workspace" })).toHaveAccessibleDescription(new RegExp(REFUSAL.replace(".", "\\.")));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: REFUSAL }).first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole("switch", { name: "Settings all access" })).not.toBeChecked();
  const after = await managerRole(workspace.workspace.id);
  expect(after.version).toBe(before.version);
  expect(after.settingsAllAccess).toBe(false);
  expect(after.settingPermissions.map((row) => row.setting)).toEqual(["ROLES"]);
});

test("creating a role with Edit records on all objects, which she lacks, is refused naming it", async ({ page, workspace }) => {
  await page.goto("/settings/roles/new");
  await page.getByRole("switch", { name: "Edit records on all objects" }).click();
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Role name").fill("Editors");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("tab", { name: "Permissions" }).click();
  await expect(page.getByText(`${REFUSAL} Not in your role: Edit records on People.`).first()).toBeVisible();
  expect(await db.role.count({ where: { workspaceId: workspace.workspace.id, name: "Editors" } })).toBe(0);
});

test("the Admin role is not offered to her for any member, key or agent, nor a role beyond hers", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Admin.id}?tab=assignment`);
  for (const name of ["+ Assign to member", "+ Assign to API key"]) {
    await expect(page.getByRole("button", { name })).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByRole("button", { name })).toHaveAccessibleDescription("Only an Admin can do this.");
  }
  await expect(page.getByRole("button", { name: "+ Assign to AI agent" })).toHaveCount(0);
  // An Admin member cannot be unassigned by her either.
  await expect(page.getByRole("button", { name: `Unassign ${workspace.admins[0].user.name}` })).toHaveAttribute("aria-disabled", "true");

  // Member (Edit, Delete) is beyond her: its assign buttons say why.
  await page.goto(`/settings/roles/${workspace.roles.Member.id}?tab=assignment`);
  await expect(page.getByRole("button", { name: "+ Assign to member" })).toHaveAccessibleDescription(REFUSAL);
  // Guest is within: she may assign it, but not to a member whose current role (Member) is beyond hers.
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}?tab=assignment`);
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await expect(page.getByRole("dialog").getByRole("button", { name: new RegExp(workspace.members[1].user.name) })).toBeDisabled();
  await expect(page.getByRole("dialog").getByRole("button", { name: new RegExp(workspace.admins[0].user.name) })).toBeDisabled();
});
