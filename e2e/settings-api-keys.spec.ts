import { db, test, expect, expectFieldError } from "./fixtures";

test("create an API key with a role: the secret is shown once, works over REST, and stops working once revoked", async ({ page, workspace }) => {
  const name = `Zapier ${workspace.tag}`;
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "+ Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Role").selectOption({ label: "Intern" });
  await dialog.getByRole("button", { name: "Create" }).click();

  const reveal = page.getByRole("dialog", { name: "Copy your new API key" });
  await expect(reveal).toContainText("only time the key is shown");
  const secret = await reveal.getByRole("textbox", { name: "API key secret" }).inputValue();
  expect(secret).toMatch(/^rc_/);
  await expect(reveal.getByRole("button", { name: "Copy API key secret" })).toBeVisible();
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.locator(`input[value="${secret}"]`)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Intern");
  await expect(row).toContainText(`${secret.slice(0, 7)}…`);
  await expect(row).toContainText("Active");

  const auth = { Authorization: `Bearer ${secret}` };
  expect((await page.request.get("/api/rest/people?limit=1", { headers: auth })).status()).toBe(200);
  // The Intern role cannot see Opportunities: the key acts with its role.
  expect((await page.request.get("/api/rest/opportunities?limit=1", { headers: auth })).status()).toBe(403);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke ${name}?` });
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(`${name} was revoked`)).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await page.request.get("/api/rest/people?limit=1", { headers: auth })).status()).toBe(401);
  expect((await db.apiKey.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, name } })).revokedAt).not.toBeNull();
});

test("a key without a role uses the default role; an expiry date in the past is refused beside the field", async ({ page, workspace }) => {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "+ Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Too old");
  await dialog.getByLabel("Expiration date").fill("2020-01-01");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expectFieldError(dialog, "Expiration date", "Choose a date after today.");

  await dialog.getByLabel("Expiration date").fill("");
  await dialog.getByLabel("Name").fill("Fallback");
  await dialog.getByRole("button", { name: "Create" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  const row = page.getByRole("row", { name: /Fallback/ });
  await expect(row).toContainText("Default role");
  await expect(row).toContainText("Never");
  expect((await db.apiKey.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, name: "Fallback" } })).roleId).toBeNull();
});

test("a member without the API keys permission gets No access", async ({ page, workspace, signIn }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ Create API key" })).toHaveCount(0);
});
