import type { Page } from "@playwright/test";
import { db, test, expect } from "./fixtures";

/** A toast (the same sentence also appears in the run history below). */
const toast = (page: Page, text: string) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test("run the demo workflow now: the agent step runs with the agent's role and the run is listed", async ({ page, workspace }) => {
  await page.goto("/settings/workflows");
  const workflow = page.getByRole("region", { name: /Report stale opportunities/ });
  await expect(workflow).toContainText(`${workspace.agent.name}, with the Member role`);
  await expect(workflow.getByText("Not run yet.")).toBeVisible();

  await workflow.getByRole("button", { name: "Run now: Report stale opportunities" }).click();
  await expect(toast(page, "No stale opportunity found; digest e-mailed.")).toBeVisible();
  await expect(workflow.getByRole("row", { name: new RegExp(workspace.admins[0].user.name) })).toContainText("digest e-mailed");
  const message = await db.outboxMessage.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id } });
  expect(message).toMatchObject({ to: workspace.admins[0].user.email, actorLabel: workspace.agent.name });

  // With the Intern role the agent cannot read Opportunities, although an Admin runs it.
  await db.agent.update({ where: { id: workspace.agent.id }, data: { roleId: workspace.roles.Intern.id } });
  await page.reload();
  await expect(workflow).toContainText("with the Intern role");
  await workflow.getByRole("button", { name: "Run now: Report stale opportunities" }).click();
  await expect(toast(page, "The agent's role cannot read opportunities; nothing was sent.")).toBeVisible();
  expect(await db.outboxMessage.count({ where: { workspaceId: workspace.workspace.id } })).toBe(1);
});

test("a member without the Workflows permission gets No access and cannot run it", async ({ page, workspace, signIn }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/settings/workflows");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Run now/ })).toHaveCount(0);
});
