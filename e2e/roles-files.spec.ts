import { readFile } from "node:fs/promises";
import { db, test, expect } from "./fixtures";

test("duplicate a role, export it as JSON and import it back as a new role", async ({ page, workspace }) => {
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Intern (copy)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit rule for Opportunities" })).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role created")).toBeVisible();

  await page.getByRole("button", { name: "More actions" }).click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Export as JSON" }).click();
  const download = await downloadPromise;
  const file = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(file).toMatchObject({ kind: "rolecall.role", version: 1, role: { name: "Intern (copy)" } });

  file.role.name = "Intern (from file)";
  await page.goto("/settings/roles");
  await page.getByRole("button", { name: "Import role" }).click();
  await page.getByLabel("Role definition (JSON)").setInputFiles({ name: "intern.role.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Intern (from file)" })).toBeVisible();
  const imported = await db.role.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, name: "Intern (from file)" }, include: { fieldPermissions: true } });
  expect(imported.fieldPermissions).toHaveLength(2);
});
