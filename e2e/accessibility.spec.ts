import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("sign-in has no serious accessibility violation", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoSeriousViolations(page);
});

test("every Roles screen has no serious accessibility violation", async ({ page, workspace }) => {
  const role = `/settings/roles/${workspace.roles.Intern.id}`;
  for (const path of ["/settings/roles", "/settings/roles/new", role, `${role}?tab=assignment`, `${role}?tab=settings`, `${role}?object=person`, "/settings/my-role", "/settings/audit-log"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await expectNoSeriousViolations(page);
  }
  // Dialogs too: the rule picker and the assignment picker.
  await page.goto(role);
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page);
});
