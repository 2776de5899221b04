import { db, test, expect } from "./fixtures";

test("assign a role to a member, an API key and an AI agent, then unassign", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}?tab=assignment`);
  await expect(page.getByText("No members assigned")).toBeVisible();
  await expect(page.getByText("No API keys assigned")).toBeVisible();
  await expect(page.getByText("No AI agents assigned")).toBeVisible();

  const cases = [
    { button: "+ Assign to member", name: workspace.members[1].user.name, section: /^Members/ },
    { button: "+ Assign to API key", name: workspace.apiKey.name, section: /^API keys/ },
    { button: "+ Assign to AI agent", name: workspace.agent.name, section: /^AI agents/ },
  ];
  for (const entry of cases) {
    await page.getByRole("button", { name: entry.button }).click();
    const picker = page.getByRole("dialog");
    await picker.getByRole("searchbox").fill(entry.name.slice(0, 6));
    await picker.getByRole("button", { name: new RegExp(entry.name) }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("region", { name: entry.section }).getByText(entry.name)).toBeVisible();
  }
  expect((await db.workspaceMember.findUniqueOrThrow({ where: { id: workspace.members[1].id } })).roleId).toBe(workspace.roles.Intern.id);
  expect((await db.apiKey.findUniqueOrThrow({ where: { id: workspace.apiKey.id } })).roleId).toBe(workspace.roles.Intern.id);
  expect((await db.agent.findUniqueOrThrow({ where: { id: workspace.agent.id } })).roleId).toBe(workspace.roles.Intern.id);

  // Unassigning the member moves it to the default role.
  await page.getByRole("button", { name: `Unassign ${workspace.members[1].user.name}` }).click();
  await expect(page.getByRole("dialog")).toContainText("default role, Member");
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("No members assigned")).toBeVisible();
  expect((await db.workspaceMember.findUniqueOrThrow({ where: { id: workspace.members[1].id } })).roleId).toBe(workspace.roles.Member.id);
});

test("the picker shows each principal's current role and the Admin role is never offered to agents", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Guest.id}?tab=assignment`);
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await expect(page.getByRole("dialog").getByRole("button", { name: new RegExp(workspace.members[0].user.name) })).toContainText("Current role: Member");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.goto(`/settings/roles/${workspace.roles.Admin.id}?tab=assignment`);
  await expect(page.getByRole("button", { name: "+ Assign to AI agent" })).toHaveCount(0);
  await expect(page.getByText("The Admin role cannot be assigned to AI agents.")).toBeVisible();
});

test("the last Admin cannot be unassigned: the control is disabled and says why", async ({ page, workspace }) => {
  const [me, other] = workspace.admins;
  await page.goto(`/settings/roles/${workspace.roles.Admin.id}?tab=assignment`);
  // Signed in as the first admin: its own row explains that nobody changes their own role.
  const own = page.getByRole("button", { name: `Unassign ${me.user.name}` });
  await expect(own).toBeDisabled();
  await own.hover();
  await expect(page.getByRole("tooltip")).toHaveText("You cannot change your own role.");

  const demote = page.getByRole("button", { name: `Unassign ${other.user.name}` });
  await demote.click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(demote).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Members (1)" })).toBeVisible();

  // Now one Admin is left: its control says the workspace needs it.
  await page.mouse.move(0, 0);
  await expect(own).toBeDisabled();
  await own.hover();
  await expect(page.getByRole("tooltip")).toHaveText("The workspace needs at least one Admin");
  expect(await db.workspaceMember.count({ where: { workspaceId: workspace.workspace.id, roleId: workspace.roles.Admin.id } })).toBe(1);
});
