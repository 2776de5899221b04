/**
 * The records UI as the demo Intern (SPEC §2.2–2.3, §10), in the browser: Opportunities absent,
 * People without Address, Email read-only and Job title editable, Companies read-only, Export
 * CSV available and Import CSV absent. Each test that writes works on a person it creates, so the
 * seeded records stay as they are.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { DEMO_WORKSPACE_NAME } from "@/prisma/demo-accounts";
import { db, expect, test } from "./fixtures";

const INTERN = "ian@acme.dev";

/** A person of the demo workspace for this test only, with an Address the Intern must never see. */
async function createDemoPerson() {
  const tag = randomUUID().slice(0, 8);
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: DEMO_WORKSPACE_NAME } });
  const person = await db.objectMetadata.findFirstOrThrow({ where: { workspaceId: workspace.id, nameSingular: "person" } });
  const company = await db.record.findFirstOrThrow({ where: { workspaceId: workspace.id, object: { nameSingular: "company" }, deletedAt: null } });
  const address = `${tag} Hidden Street`;
  const record = await db.record.create({
    data: {
      workspaceId: workspace.id,
      objectMetadataId: person.id,
      data: JSON.stringify({ name: `E2E Person ${tag}`, email: `e2e-${tag}@example.com`, jobTitle: "Buyer", address, companyId: company.id }),
    },
  });
  return { id: record.id, name: `E2E Person ${tag}`, email: `e2e-${tag}@example.com`, address, companyName: JSON.parse(company.data).name as string };
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.beforeEach(async ({ signIn }) => {
  await signIn(INTERN);
});

test("Opportunities are absent from the navigation and their URL says No access", async ({ page }) => {
  await page.goto("/objects/people");
  const nav = page.getByRole("navigation", { name: "Records navigation" });
  for (const name of ["People", "Companies", "Notes", "Tasks"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Opportunities" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();

  await page.goto("/objects/opportunities");
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  // A record URL of the hidden object says the same.
  const opportunity = await db.record.findFirstOrThrow({ where: { object: { nameSingular: "opportunity", workspace: { name: DEMO_WORKSPACE_NAME } } } });
  await page.goto(`/objects/opportunities/${opportunity.id}`);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});

test("the People list has no Address column nor Address filter; Export CSV is offered, Import CSV is not", async ({ page }) => {
  await page.goto("/objects/people");
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Email" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Job title" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Address" })).toHaveCount(0);
  await expect(table.getByRole("row")).toHaveCount(51); // header + the first page of 50

  await page.getByRole("button", { name: "Filter", exact: true }).click();
  const fieldChoices = await page.getByLabel("Field").locator("option").allTextContents();
  expect(fieldChoices).toEqual(expect.arrayContaining(["Name", "Email", "City", "Job title", "Company"]));
  expect(fieldChoices).not.toContain("Address");

  await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  // The Intern edits People, so may create them; it may not delete, so there is no Trash.
  await expect(page.getByRole("button", { name: "+ New record" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Trash" })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});

test("filters, sorts and pages through People", async ({ page }) => {
  await page.goto("/objects/people");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(51);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(101);

  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.getByLabel("Field").selectOption({ label: "City" });
  await page.getByLabel("Condition").selectOption({ label: "is" });
  await page.getByLabel("Value").fill("Paris");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("City is Paris");
  const cities = page.getByRole("table").getByRole("row").locator("td:nth-child(4)");
  await expect(cities.first()).toHaveText("Paris");
  expect(new Set(await cities.allTextContents())).toEqual(new Set(["Paris"]));

  await page.getByRole("button", { name: "Name", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("button", { name: "Name", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("searchbox", { name: "Search People…" }).fill("zzz-nobody-zzz");
  await expect(page.getByText("No records match this search or these filters.")).toBeVisible();
});

test("on a person, Email is read-only, Address is absent, and Job title is editable and saves", async ({ page }) => {
  const person = await createDemoPerson();
  try {
    await page.goto(`/objects/people/${person.id}`);
    await expect(page.getByRole("heading", { name: person.name, level: 1 })).toBeVisible();

    const email = page.getByRole("group", { name: "Email" });
    await expect(email).toContainText(person.email);
    await expect(email).toContainText("Read-only");
    await expect(page.getByRole("textbox", { name: "Email" })).toHaveCount(0);
    await expect(page.getByText("Address", { exact: true })).toHaveCount(0);
    await expect(page.getByText(person.address)).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Company" })).toHaveValue(/.+/);
    // No delete for the Intern, no e-mail (the Intern lacks the Send email action).
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send email" })).toHaveCount(0);

    const jobTitle = page.getByRole("textbox", { name: "Job title" });
    await expect(jobTitle).toHaveValue("Buyer");
    await jobTitle.fill("Chief Tester");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Record saved")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Job title" })).toHaveValue("Chief Tester");
    const saved = await db.record.findUniqueOrThrow({ where: { id: person.id } });
    expect(JSON.parse(saved.data)).toMatchObject({ jobTitle: "Chief Tester", email: person.email, address: person.address });
    await expectNoSeriousViolations(page);
  } finally {
    await db.record.delete({ where: { id: person.id } }).catch(() => undefined);
  }
});

test("Companies are read-only: no + New record, no edit inputs, no Save", async ({ page }) => {
  await page.goto("/objects/companies");
  await expect(page.getByRole("heading", { name: "Companies", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ New record" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/objects\/companies\/.+/);
  await expect(page.getByRole("group", { name: "Name" })).toContainText("Read-only");
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("spinbutton")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
});

test("Export CSV downloads People without the Address column", async ({ page }) => {
  await page.goto("/objects/people");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await file.path(), "utf8")).replace(/^\uFEFF/, "");
  const header = text.split(/\r?\n/)[0].split(",");
  expect(header).toEqual(expect.arrayContaining(["Name", "Email", "Job title", "Company"]));
  expect(header).not.toContain("Address");
  expect(text).not.toContain("Hidden Street");
  await expect(page.getByText(/records exported/)).toBeVisible();
});
