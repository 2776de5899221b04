import { db, expect, signInAs, test } from "./fixtures";

/**
 * docs/reference.md §18 four eyes, in a workspace of its own: with `Role changes need approval` on, an Admin's
 * save becomes a proposal (`Propose change`); she cannot approve it; a second Admin sees its diff
 * under Requests and approves it, and the role changes.
 */
test("with the switch on, an Admin's save is a proposal that a second Admin approves", async ({ page, browser, workspace }) => {
  test.setTimeout(90_000); // two Admins in two browsers
  await page.goto("/settings/security");
  await page.getByRole("switch", { name: "Role changes need approval" }).click();
  await expect(page.getByRole("switch", { name: "Role changes need approval" })).toHaveAttribute("aria-checked", "true");
  await expect.poll(async () => (await db.workspace.findUniqueOrThrow({ where: { id: workspace.workspace.id } })).roleChangesNeedApproval).toBe(true);

  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  await page.getByRole("switch", { name: "Export CSV" }).click();
  await page.getByRole("button", { name: "Propose change" }).click();
  await expect(page.getByText("Proposal sent. Another member who may make this change will review it.")).toBeVisible();
  const guest = () => db.roleActionPermission.count({ where: { roleId: workspace.roles.Guest.id } });
  expect(await guest()).toBe(0);

  // The proposer does not see it as hers to approve.
  await page.goto("/settings/roles/requests");
  await expect(page.getByRole("heading", { name: "Proposed role changes" })).toHaveCount(0);

  const second = await browser.newContext();
  await signInAs(second, workspace.admins[1].user.email);
  const other = await second.newPage();
  await other.goto("/settings/roles/requests");
  const proposals = other.getByRole("region", { name: "Proposed role changes" });
  await expect(proposals.getByText(`Proposed by ${workspace.admins[0].user.name}`)).toBeVisible();
  await expect(proposals.getByRole("list", { name: "Impact" }).getByText("Gains Export CSV")).toBeVisible();
  await proposals.getByRole("button", { name: "Approve: Guest" }).click();
  await expect(other.getByText("Approved.")).toBeVisible();
  await expect.poll(guest).toBe(1);
  await second.close();
});
