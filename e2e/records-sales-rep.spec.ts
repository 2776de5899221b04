/**
 * SPEC §13 record-level rules in the browser. As sam@acme.dev (Sales rep: Opportunities whose
 * Owner is Me) the list shows exactly his opportunities, another's is "not found" by URL, and
 * giving one of his away is refused. As an admin of an isolated workspace: a record-level rule is
 * built in the editor from scratch, saved and read back after a reload.
 */
import { DEMO_WORKSPACE_NAME } from "@/prisma/demo-accounts";
import { db, expect, test } from "./fixtures";

const SAM = "sam@acme.dev";

async function opportunitiesBy() {
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: DEMO_WORKSPACE_NAME } });
  const member = await db.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id, user: { email: SAM } } });
  const rows = await db.record.findMany({ where: { workspaceId: workspace.id, object: { nameSingular: "opportunity" }, deletedAt: null } });
  const parsed = rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) as { name: string; ownerId?: string } }));
  return { samId: member.id, mine: parsed.filter((row) => row.data.ownerId === member.id), others: parsed.filter((row) => row.data.ownerId !== member.id) };
}

test.beforeEach(async ({ signIn }) => {
  await signIn(SAM);
});

test("Sam's Opportunities list shows exactly his opportunities", async ({ page }) => {
  const { mine, others } = await opportunitiesBy();
  expect(mine.length).toBeGreaterThanOrEqual(12);
  await page.goto("/objects/opportunities");
  await expect(page.getByText(`${mine.length} records shown`)).toBeVisible();
  const table = page.getByRole("table");
  for (const row of mine) await expect(table.getByRole("link", { name: row.data.name, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: others[0].data.name, exact: true })).toHaveCount(0);
  // Owner shows the member's name.
  await expect(table.getByText("Sam Seller").first()).toBeVisible();
});

test("another's opportunity, opened by URL, is not found", async ({ page }) => {
  const { others } = await opportunitiesBy();
  await page.goto(`/objects/opportunities/${others[0].id}`);
  await expect(page.getByRole("heading", { name: "Record not found" })).toBeVisible();
});

test("giving one of his opportunities to someone else is refused, and nothing changes", async ({ page }) => {
  const { mine, samId } = await opportunitiesBy();
  const target = mine[mine.length - 1];
  const before = await db.record.findUniqueOrThrow({ where: { id: target.id } });
  await page.goto(`/objects/opportunities/${target.id}`);
  await expect(page.getByRole("heading", { name: target.data.name, level: 1 })).toBeVisible();
  const owner = page.getByRole("combobox", { name: "Owner" });
  await expect(owner).toHaveValue(samId);
  await owner.selectOption({ label: "Mia Moreau" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("the record would fall outside the records your role reaches in Opportunities")).toBeVisible();
  const after = await db.record.findUniqueOrThrow({ where: { id: target.id } });
  expect(after.data).toBe(before.data);
});

test("an admin builds a record-level rule in the editor and reads it back after a reload", async ({ page, signIn, workspace }) => {
  await signIn(workspace.admins[0].user.email);
  const guest = workspace.roles.Guest;
  await page.goto(`/settings/roles/${guest.id}`);
  await page.getByRole("button", { name: "+ Add rule" }).click();
  await page.getByRole("dialog", { name: "Add a rule" }).getByRole("button", { name: "Opportunities" }).click();

  const section = page.getByRole("region", { name: "Record-level" });
  await expect(section.getByRole("radio", { name: "All records" })).toBeChecked();
  await section.getByRole("radio", { name: "Only records that match" }).check();
  await section.getByRole("combobox", { name: "Field of condition 1" }).selectOption({ label: "Owner" });
  await expect(section.getByRole("combobox", { name: "Value of condition 1" })).toHaveValue("__me__");
  await expect(section.getByText("for API keys and agents it matches no record")).toBeVisible();

  await section.getByRole("button", { name: "+ Add condition" }).click();
  await section.getByRole("combobox", { name: "Field of condition 2" }).selectOption({ label: "Stage" });
  await section.getByRole("combobox", { name: "Operator of condition 2" }).selectOption({ label: "is not" });
  await section.getByRole("textbox", { name: "Value of condition 2" }).fill("NEW");
  await section.getByRole("combobox", { name: "Join" }).selectOption({ label: "Any condition" });

  await page.getByRole("button", { name: "Finish" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Role saved")).toBeVisible();
  const stored = await db.objectPermission.findFirstOrThrow({ where: { roleId: guest.id, object: { nameSingular: "opportunity" } } });
  expect(JSON.parse(stored.recordRule ?? "null")).toEqual({
    mode: "match",
    join: "any",
    conditions: [
      { field: "ownerId", operator: "eq", value: { me: true } },
      { field: "stage", operator: "neq", value: "NEW" },
    ],
  });

  await page.goto(`/settings/roles/${guest.id}?object=opportunity`);
  const again = page.getByRole("region", { name: "Record-level" });
  await expect(again.getByRole("radio", { name: "Only records that match" })).toBeChecked();
  await expect(again.getByRole("combobox", { name: "Join" })).toHaveValue("any");
  await expect(again.getByRole("combobox", { name: "Field of condition 1" })).toHaveValue("ownerId");
  await expect(again.getByRole("combobox", { name: "Value of condition 1" })).toHaveValue("__me__");
  await expect(again.getByRole("combobox", { name: "Operator of condition 2" })).toHaveValue("neq");
  await expect(again.getByRole("textbox", { name: "Value of condition 2" })).toHaveValue("NEW");
});
