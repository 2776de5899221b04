/**
 * The records UI for roles that write, in an isolated workspace of their own (no seeded records):
 * a Member creates, e-mails, deletes and restores a person; an Admin imports CSV (all or nothing)
 * and destroys from the trash.
 */
import { db, expect, test } from "./fixtures";

test("a Member creates a person, e-mails them, moves them to the trash and restores them", async ({ page, signIn, workspace }) => {
  await signIn(workspace.members[0].user.email);
  await page.goto("/objects/people");
  await expect(page.getByText("No People yet.")).toBeVisible();

  await page.getByRole("button", { name: "+ New record" }).click();
  const dialog = page.getByRole("dialog", { name: "New Person" });
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("Name is required.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Name" }).fill("Rosa Record");
  await dialog.getByRole("textbox", { name: "Email" }).fill("rosa@example.com");
  await dialog.getByRole("textbox", { name: "City" }).fill("Lyon");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Rosa Record", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Send email" }).click();
  const email = page.getByRole("dialog", { name: "Send email to Rosa Record" });
  await expect(email).toContainText("rosa@example.com");
  await email.getByRole("textbox", { name: "Subject" }).fill("Welcome");
  await email.getByRole("textbox", { name: "Message" }).fill("Glad to have you.");
  await email.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Email to rosa@example.com saved in the outbox")).toBeVisible();
  expect(await db.outboxMessage.count({ where: { workspaceId: workspace.workspace.id, to: "rosa@example.com", subject: "Welcome" } })).toBe(1);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete record" }).getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/objects\/people$/);
  await expect(page.getByText("No People yet.")).toBeVisible();

  await page.getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { name: "Trash · People" })).toBeVisible();
  // A Member may delete but not destroy.
  await expect(page.getByRole("button", { name: "Delete Rosa Record permanently" })).toHaveCount(0);
  await page.getByRole("button", { name: "Restore Rosa Record" }).click();
  await expect(page.getByText("The trash is empty.")).toBeVisible();

  await page.goto("/outbox");
  await expect(page.getByRole("row").filter({ hasText: "Welcome" })).toContainText("rosa@example.com");
});

test("an Admin imports CSV all or nothing, then destroys a record from the trash", async ({ page, workspace }) => {
  await page.goto("/objects/companies");
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import Companies from CSV" });

  await dialog.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Employees\nGood Co,12\nBad Co,many\n") });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("Nothing was imported");
  await expect(dialog.getByRole("alert")).toContainText("Row 3");
  await expect(dialog.getByRole("alert")).toContainText("Employees: enter a number.");
  expect(await db.record.count({ where: { workspaceId: workspace.workspace.id } })).toBe(0);

  await dialog.getByLabel("CSV file").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Employees,Domain\nGood Co,12,good.example\nBetter Co,40,\n") });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("2 records imported")).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: "Better Co" })).toBeVisible();

  await page.getByRole("table").getByRole("link", { name: "Good Co" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete record" }).getByRole("button", { name: "Confirm" }).click();
  await page.getByRole("link", { name: "Trash" }).click();
  await page.getByRole("button", { name: "Delete Good Co permanently" }).click();
  await page.getByRole("dialog", { name: "Delete permanently" }).getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("The trash is empty.")).toBeVisible();
  expect(await db.record.count({ where: { workspaceId: workspace.workspace.id } })).toBe(1);
});
