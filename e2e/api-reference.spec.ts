import { test, expect } from "./fixtures";

test("the API reference documents only what the reader's role can see", async ({ page, signIn }) => {
  await signIn("ian@acme.dev");
  await page.goto("/settings/api-reference");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "People", exact: true })).toBeVisible();
  await expect(page.getByText("/api/rest/people/{id}", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("/api/rest/opportunities", { exact: true })).toHaveCount(0);
  const person = page.locator("#schema-Person");
  await expect(person).toContainText("email");
  await expect(person).not.toContainText("address");
});
