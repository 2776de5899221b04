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

const SCREENS: [string, (ids: { intern: string; guest: string }) => string][] = [
  ["role list", () => "/settings/roles"],
  ["new role", () => "/settings/roles/new"],
  ["role permissions", ({ intern }) => `/settings/roles/${intern}`],
  ["role assignment", ({ intern }) => `/settings/roles/${intern}?tab=assignment`],
  ["role settings", ({ intern }) => `/settings/roles/${intern}?tab=settings`],
  ["object rule", ({ intern }) => `/settings/roles/${intern}?object=person`],
  ["guardrails", () => "/settings/roles/guardrails"],
  ["my role", () => "/settings/my-role"],
  ["audit log", () => "/settings/audit-log"],
  ["members", () => "/settings/members"],
  ["API keys", () => "/settings/api-keys"],
  ["data model", () => "/settings/data-model"],
  ["API reference", () => "/settings/api-reference"],
  ["records list", () => "/objects/people"],
  ["role history", ({ intern }) => `/settings/roles/${intern}?tab=history`],
  ["compare roles", ({ intern, guest }) => `/settings/roles/compare?a=${intern}&b=${guest}`],
  ["account", () => "/settings/account"],
];

for (const [name, path] of SCREENS) {
  test(`${name} has no serious accessibility violation`, async ({ page, workspace }) => {
    await page.goto(path({ intern: workspace.roles.Intern.id, guest: workspace.roles.Guest.id }));
    await expect(page.locator("main")).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

test("the rule picker dialog has no serious accessibility violation", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the impact region and the View as banner have no serious accessibility violation", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await page.getByRole("switch", { name: "Delete records on all objects" }).click();
  await expect(page.getByRole("region", { name: "Impact of these changes" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "View as this role" }).click();
  await expect(page).toHaveURL(/\/objects\//);
  await expect(page.getByRole("status").filter({ hasText: "Viewing as Intern" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousViolations(page);
});
