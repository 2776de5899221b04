/**
 * Guardrails (SPEC §14) in the browser: added on Settings → Roles → Guardrails, then a save of the
 * Intern role that breaks it is refused with the statement, and nothing changes.
 */
import AxeBuilder from "@axe-core/playwright";
import { db, expect, signInAs, test } from "./fixtures";

const STATEMENT = "Intern must never See field Address on People";

test("a guardrail added on the Guardrails page refuses the Intern save that would break it", async ({ page, workspace }) => {
  const intern = workspace.roles.Intern;
  const { version } = await db.role.findUniqueOrThrow({ where: { id: intern.id }, select: { version: true } });
  await page.goto("/settings/roles");
  await page.getByRole("link", { name: "Guardrails" }).click();
  await expect(page.getByRole("heading", { name: "Guardrails", level: 1 })).toBeVisible();
  await expect(page.getByText("No guardrails yet.")).toBeVisible();

  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Intern" });
  await page.getByLabel("Rule", { exact: true }).selectOption({ label: "must never" });
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "See" });
  await page.getByLabel("Object", { exact: true }).selectOption({ label: "People" });
  await page.getByLabel("Field", { exact: true }).selectOption({ label: "Address" });
  await page.getByRole("button", { name: "Add guardrail" }).click();
  const row = page.getByRole("row", { name: new RegExp(STATEMENT) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell", { name: "Holding" })).toBeVisible();
  await expect(row.getByRole("button", { name: `Delete guardrail: ${STATEMENT}` })).toBeEnabled();
  // The page with a row in its table, which the accessibility suite's empty page does not show.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

  await page.goto(`/settings/roles/${intern.id}`);
  await page.getByRole("button", { name: "Edit rule for People" }).click();
  await page.getByRole("combobox", { name: "Access to Address" }).selectOption({ label: "See field" });
  await page.getByRole("button", { name: "Finish" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`This change breaks the guardrail: ${STATEMENT}`)).toBeVisible();

  page.on("dialog", (dialog) => dialog.accept());
  await page.reload();
  await page.getByRole("button", { name: "Edit rule for People" }).click();
  await expect(page.getByRole("combobox", { name: "Access to Address" })).toHaveValue("none");
  const rule = await db.fieldPermission.findFirstOrThrow({ where: { roleId: intern.id, field: { name: "address" } } });
  expect(rule.canSee).toBe(false);
  expect(await db.role.findUniqueOrThrow({ where: { id: intern.id }, select: { version: true } })).toEqual({ version });
});

test("a non-Admin holding Roles sees the guardrails but cannot delete them", async ({ page, workspace, context }) => {
  await db.guardrail.create({ data: { workspaceId: workspace.workspace.id, roleId: workspace.roles.Guest.id, mode: "never", action: "EXPORT_CSV", createdBy: "test" } });
  const manager = await db.role.create({ data: { workspaceId: workspace.workspace.id, name: `Rails ${workspace.tag}`, nameKey: `rails ${workspace.tag}`, canSeeAllObjects: true, settingPermissions: { create: [{ setting: "ROLES" }] } } });
  await db.workspaceMember.update({ where: { id: workspace.members[0].id }, data: { roleId: manager.id } });
  await context.clearCookies();
  await signInAs(context, workspace.members[0].user.email);
  await page.goto("/settings/roles/guardrails");
  const row = page.getByRole("row", { name: /Guest must never Export CSV/ });
  await expect(row.getByRole("cell", { name: "Holding" })).toBeVisible();
  await expect(row.getByRole("button", { name: "Delete guardrail: Guest must never Export CSV" })).toBeDisabled();
  await expect(page.getByText("Only an Admin can delete a guardrail.")).toBeVisible();
});
