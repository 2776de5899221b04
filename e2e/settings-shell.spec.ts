import { test, expect } from "./fixtures";

test("an admin sees every seeded role with its member count", async ({ page, signIn }) => {
  await signIn("admin@acme.dev");
  await page.goto("/settings/roles");
  await expect(page.getByRole("heading", { name: "All roles" })).toBeVisible();
  const rows = page.getByRole("row");
  for (const [name, count] of [["Admin", /\d+ members?/], ["Member", /\d+ members?/], ["Guest", /\d+ members?/], ["Intern", /\d+ members?/]] as const) {
    await expect(rows.filter({ has: page.getByRole("link", { name: new RegExp(`^${name}`) }) })).toContainText(count);
  }
  await expect(page.getByRole("navigation", { name: "Settings navigation" }).getByRole("link", { name: "Roles" })).toHaveAttribute("aria-current", "page");
});

test("a guest has no Roles entry and gets a no-access page at its URL", async ({ page, signIn }) => {
  await signIn("gus@acme.dev");
  await page.goto("/settings/my-role");
  const nav = page.getByRole("navigation", { name: "Settings navigation" });
  await expect(nav.getByRole("link", { name: "My role" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Roles" })).toHaveCount(0);
  await page.goto("/settings/roles");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("the intern's own page shows what the role allows, object by object", async ({ page, signIn }) => {
  await signIn("ian@acme.dev");
  await page.goto("/settings/my-role");
  await expect(page.getByRole("heading", { name: "My role" })).toBeVisible();
  await expect(page.getByText("Your role is Intern.", { exact: false })).toBeVisible();
  const opportunities = page.getByRole("row", { name: /Opportunities/ });
  await expect(opportunities.getByText("Allowed", { exact: true })).toHaveCount(0);
  const people = page.getByRole("row", { name: /^People/ });
  await expect(people.getByText("Allowed", { exact: true })).toHaveCount(3); // See, Create, Edit
  await expect(page.getByRole("columnheader", { name: "Create" })).toBeVisible();
});
