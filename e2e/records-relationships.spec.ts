/**
 * docs/reference.md §19 in the browser: Lena (Sales manager: Owner is Me or My reports) sees exactly Sam's,
 * Noah's and her own opportunities; Sam shares one of his with Yuki `Can view`, Yuki opens it
 * (told why), cannot change it, and loses it when Sam removes the share; Settings → Members
 * shows the teams and each member's Manager.
 */
import { DEMO_WORKSPACE_NAME } from "@/prisma/demo-accounts";
import { db, expect, signInAs, test } from "./fixtures";

// Several pages and two browsers per test, on a machine other suites share.
test.describe.configure({ timeout: 120_000 });
const SLOW = { timeout: 30_000 };

async function demo() {
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: DEMO_WORKSPACE_NAME } });
  const members = await db.workspaceMember.findMany({ where: { workspaceId: workspace.id }, include: { user: true } });
  const id = (email: string) => members.find((member) => member.user.email === email)!.id;
  const rows = await db.record.findMany({ where: { workspaceId: workspace.id, object: { nameSingular: "opportunity" }, deletedAt: null } });
  const deals = rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) as { name: string; ownerId?: string } }));
  return { id, deals };
}

test("Lena sees exactly Sam's, Noah's and her own opportunities", async ({ page, signIn }) => {
  const { id, deals } = await demo();
  const theirs = deals.filter((deal) => [id("sam@acme.dev"), id("noah@acme.dev"), id("lena@acme.dev")].includes(deal.data.ownerId ?? ""));
  const others = deals.filter((deal) => !theirs.includes(deal));
  await signIn("lena@acme.dev");
  await page.goto("/objects/opportunities");
  await expect(page.getByText(`${theirs.length} records shown`)).toBeVisible(SLOW);
  await expect(page.getByRole("table").getByRole("link", { name: others[0].data.name, exact: true })).toHaveCount(0);
  await page.goto(`/objects/opportunities/${theirs.find((deal) => deal.data.ownerId === id("sam@acme.dev"))!.id}`);
  await expect(page.getByRole("list", { name: "Why you see this record" })).toContainText("Owner reports to you", SLOW);
});

test("Sam shares a deal with Yuki (Can view); she reads it, cannot change it, and loses it when the share is removed", async ({ page, signIn, browser }) => {
  const { id, deals } = await demo();
  const deal = deals.filter((candidate) => candidate.data.ownerId === id("sam@acme.dev")).at(-2)!;
  await signIn("sam@acme.dev");
  await page.goto(`/objects/opportunities/${deal.id}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this record" });
  await dialog.getByLabel("Share with").selectOption({ label: "Yuki Tanaka" });
  await dialog.getByLabel("Access").selectOption({ label: "Can view" });
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  const shares = page.getByRole("region", { name: "Shared with" });
  await expect(dialog).toBeHidden(SLOW);
  await expect(shares).toContainText("Yuki Tanaka", SLOW);
  await expect(shares).toContainText("Can view");

  const yukiContext = await browser.newContext();
  await signInAs(yukiContext, "yuki@acme.dev");
  const yuki = await yukiContext.newPage();
  await yuki.goto(`/objects/opportunities/${deal.id}`);
  await expect(yuki.getByRole("heading", { name: deal.data.name, level: 1 })).toBeVisible(SLOW);
  await expect(yuki.getByRole("list", { name: "Why you see this record" })).toContainText("Shared by Sam Seller");
  const before = await db.record.findUniqueOrThrow({ where: { id: deal.id } });
  const name = yuki.getByRole("textbox", { name: "Name" });
  if (await name.isEditable()) {
    await name.fill(`${deal.data.name} (Yuki)`);
    await yuki.getByRole("button", { name: "Save" }).click();
    await expect(yuki.getByText("the record would fall outside the records your role reaches in Opportunities")).toBeVisible(SLOW);
  }
  expect((await db.record.findUniqueOrThrow({ where: { id: deal.id } })).data).toBe(before.data);

  await page.getByRole("button", { name: "Remove the share with Yuki Tanaka" }).click();
  await expect(shares).toContainText("This record is not shared with anyone.", SLOW);
  await yuki.reload();
  await expect(yuki.getByRole("heading", { name: "Record not found" })).toBeVisible(SLOW);
  await yukiContext.close();
});

test("Settings → Members shows the teams and each member's Manager", async ({ page, signIn }) => {
  await signIn("admin@acme.dev");
  await page.goto("/settings/members");
  const teams = page.getByRole("region", { name: "Teams" });
  await expect(teams.getByRole("rowheader", { name: "West" })).toBeVisible();
  await expect(teams.getByRole("row", { name: /West/ })).toContainText("Lena Popescu");
  await expect(teams.getByRole("row", { name: /West/ })).toContainText("Noah Rossi, Sam Seller");
  await expect(teams.getByRole("rowheader", { name: "East" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Manager of Sam Seller" })).toHaveValue((await demo()).id("lena@acme.dev"));
  // A loop is refused with a clear error, and nothing changes.
  await page.getByRole("combobox", { name: "Manager of Lena Popescu" }).selectOption({ label: "Sam Seller" });
  await expect(page.getByText("This manager would make a reporting loop")).toBeVisible(SLOW);
  expect((await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "lena@acme.dev" } } })).managerId).toBeNull();
});
