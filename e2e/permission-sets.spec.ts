import { db, expect, test } from "./fixtures";

/**
 * SPEC §17 in the browser: the Roles page's second list, a set made, given until a date and read
 * back everywhere its holder's role is shown; the demo's Olivia holding Export for audit.
 */
test("a permission set is created, given to a member until a date, and shown beside her role", async ({ page, workspace }) => {
  const member = workspace.members[1];
  await page.goto("/settings/roles");
  await expect(page.getByRole("heading", { name: "Permission sets" })).toBeVisible();
  await page.getByRole("button", { name: "+ Create permission set" }).click();
  await expect(page.getByRole("heading", { name: "New permission set" })).toBeVisible();
  // A set adds to a role: it starts with nothing switched on.
  await expect(page.getByRole("switch", { name: "See records on all objects" })).not.toBeChecked();
  await page.getByRole("switch", { name: "Export CSV" }).click();
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Permission set name").fill("Quarter-end export");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Permission set created")).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/roles\/(?!new)[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Quarter-end export" })).toBeVisible();
  const set = await db.role.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, name: "Quarter-end export" } });
  expect(set.kind).toBe("set");

  await page.getByRole("tab", { name: "Assignment" }).click();
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await page.getByRole("dialog").getByRole("searchbox").fill(member.user.name);
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(member.user.name) }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("keeps their role");
  await dialog.getByLabel("Until").fill("2030-01-15T10:30");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  const holders = page.getByRole("region", { name: /^Members/ });
  await expect(holders.getByText(member.user.name)).toBeVisible();
  await expect(holders.getByText(/Until Jan 15, 2030/)).toBeVisible();
  const stored = await db.permissionSetAssignment.findFirstOrThrow({ where: { setId: set.id, principalId: member.id } });
  expect(stored.expiresAt?.getUTCFullYear()).toBe(2030);
  // Her role is unchanged: a set is held beside it.
  expect((await db.workspaceMember.findUniqueOrThrow({ where: { id: member.id } })).roleId).toBe(member.roleId);

  // The Roles page lists it with its holder; the members table shows it beside her role.
  await page.goto("/settings/roles");
  await expect(page.getByRole("row", { name: /Quarter-end export/ })).toContainText("1 holder");
  await page.goto("/settings/members");
  await expect(page.getByRole("row", { name: new RegExp(member.user.name) })).toContainText("+ Quarter-end export (until Jan 15, 2030)");

  // Unassign takes it back; the role stays.
  await page.goto(`/settings/roles/${set.id}?tab=assignment`);
  await page.getByRole("button", { name: `Unassign ${member.user.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("region", { name: /^Members/ }).getByText("No members assigned")).toBeVisible();
  expect(await db.permissionSetAssignment.count({ where: { setId: set.id } })).toBe(0);
});

test("Olivia (Guest plus Export for audit) sees the set on My role, named as the source of Export CSV", async ({ page, signIn }) => {
  await signIn("olivia@acme.dev");
  await page.goto("/settings/my-role");
  await expect(page.getByRole("heading", { name: "My role" })).toBeVisible();
  await expect(page.getByText("Your role is Guest.", { exact: false })).toBeVisible();
  await expect(page.getByRole("list", { name: "Permission sets" })).toContainText(/\+ Export for audit \(until /);
  const actions = page.getByRole("region", { name: "Actions" });
  await expect(actions.getByRole("listitem").filter({ hasText: "Export CSV" })).toContainText("Permission set: Export for audit");
});

test("the demo's Roles page lists Export for audit with its one holder, and its page has Permissions, Assignment and History", async ({ page, signIn }) => {
  await signIn("admin@acme.dev");
  await page.goto("/settings/roles");
  const row = page.getByRole("row", { name: /Export for audit/ });
  await expect(row).toContainText("1 holder");
  await row.getByRole("link").click();
  for (const tab of ["Permissions", "Assignment", "History"]) await expect(page.getByRole("tab", { name: tab })).toBeVisible();
  await page.getByRole("tab", { name: "Assignment" }).click();
  await expect(page.getByRole("region", { name: /^Members/ })).toContainText("Olivia Auditor");
  await expect(page.getByRole("region", { name: /^Members/ })).toContainText(/Until /);
});

test("an Intern given See on Opportunities until a date lists them, My role names both grants, and after the date the set is gone and audited", async ({ page, context, workspace }) => {
  const intern = workspace.members[0];
  await db.workspaceMember.update({ where: { id: intern.id }, data: { roleId: workspace.roles.Intern.id } });
  // The Admin makes the set in the browser and gives it until a date.
  await page.goto("/settings/roles/new?kind=set");
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await page.getByRole("dialog", { name: "Add a rule" }).getByRole("button", { name: "Opportunities" }).click();
  await page.getByRole("switch", { name: "See records", exact: true }).click();
  await page.getByRole("button", { name: "Finish" }).click();
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Permission set name").fill("Pipeline review");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/settings\/roles\/(?!new)[a-z0-9]+$/);
  await page.getByRole("tab", { name: "Assignment" }).click();
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(intern.user.name) }).click();
  await page.getByRole("dialog").getByLabel("Until").fill("2031-03-01T09:00");
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("region", { name: /^Members/ }).getByText(/Until Mar 1, 2031/)).toBeVisible();

  // The Intern lists Opportunities; My role names the role and the set, and which gives what.
  await context.clearCookies();
  const { signInAs } = await import("./fixtures");
  await signInAs(context, intern.user.email);
  await page.goto("/objects/opportunities");
  await expect(page.getByRole("heading", { name: "Opportunities", level: 1 })).toBeVisible();
  await expect(page.getByRole("table").getByRole("columnheader", { name: "Stage" })).toBeVisible();
  await page.goto("/settings/my-role");
  await expect(page.getByText("Your role is Intern.", { exact: false })).toBeVisible();
  await expect(page.getByRole("list", { name: "Permission sets" })).toContainText("+ Pipeline review (until Mar 1, 2031)");
  const objects = page.getByRole("region", { name: "Objects" });
  await expect(objects.getByRole("row", { name: /Opportunities/ })).toContainText("Permission set: Pipeline review");
  await expect(objects.getByRole("row", { name: /People/ })).toContainText("Role: Intern");

  // Time passes (the assignment's end moved to the past, as a test clock would): the set is gone.
  const set = await db.role.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, name: "Pipeline review" } });
  await db.permissionSetAssignment.updateMany({ where: { setId: set.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await page.goto("/objects/opportunities");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await page.goto("/settings/my-role");
  await expect(page.getByRole("list", { name: "Permission sets" })).toHaveCount(0);

  // The Admin's audit log says the set ended.
  await context.clearCookies();
  await signInAs(context, workspace.admins[0].user.email);
  await page.goto("/settings/audit-log");
  await expect(page.getByRole("row", { name: /Permission set ended/ }).first()).toBeVisible();
});
