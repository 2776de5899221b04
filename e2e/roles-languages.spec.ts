import { db, test, expect } from "./fixtures";

test("a member picks French: the Roles UI speaks the guide's vocabulary and the choice is remembered", async ({ page, workspace }) => {
  await page.goto("/settings/roles");
  await page.getByLabel("Language").selectOption({ label: "Français" });
  await expect(page.getByRole("heading", { name: "Tous les rôles" })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ Créer un rôle" })).toBeVisible();
  await expect(page.getByPlaceholder("Rechercher un rôle...")).toBeVisible();
  await expect(page.getByRole("row", { name: /Admin/ })).toContainText("2 membres");
  await expect(page.getByRole("row", { name: /Guest/ })).toContainText("0 membre");

  await page.goto(`/settings/roles/${workspace.roles.Guest.id}`);
  await expect(page.getByRole("switch", { name: "Voir les enregistrements sur tous les objets" })).toBeChecked();
  await expect(page.getByRole("tab", { name: "Attribution" })).toBeVisible();

  // The guide's French example names the objects and fields in French too.
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await page.getByRole("button", { name: /Personnes/ }).first().click();
  await expect(page.getByRole("combobox", { name: /E-mail/ })).toHaveValue("see");
  await expect(page.getByRole("combobox", { name: /Adresse/ })).toHaveValue("none");

  const user = await db.user.findUniqueOrThrow({ where: { id: workspace.admins[0].userId } });
  expect(user.locale).toBe("fr");
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "NEXT_LOCALE")?.value).toBe("fr");
});

test("Japanese: headings, switches and counts", async ({ page, workspace }) => {
  await page.goto("/settings/roles");
  await page.getByLabel("Language").selectOption({ label: "日本語" });
  await expect(page.getByRole("heading", { name: "すべての役割" })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ 役割を作成" })).toBeVisible();
  await page.goto(`/settings/roles/${workspace.roles.Intern.id}`);
  await expect(page.getByRole("switch", { name: "全オブジェクトでレコードを表示する" })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("the browser's language is the first default", async ({ browser }) => {
  const context = await browser.newContext({ locale: "it-IT" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await context.close();
});
