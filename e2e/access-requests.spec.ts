import { db, expect, signInAs, test } from "./fixtures";
import { createRecords, createRole } from "@/prisma/factories";

/**
 * docs/reference.md §18, the Gus scenario, in a workspace of its own: a Guest (sees every record, changes none)
 * is refused editing a person, asks with `Request access` (prefilled `Edit records on People`, and
 * the same from `My role`), gives a reason and `1 day`; a delegate who lacks the grant does not see
 * it; an Admin sees it under `Requests` with the impact and approves; the Guest now edits the
 * person; the request, approval and the set's expiry are in the audit log.
 */
test("a Guest asks for access from the refusal, an Admin approves it under Requests, the Guest edits", async ({ page, browser, workspace }) => {
  test.setTimeout(120_000); // three people in three browsers
  const gus = workspace.members[0];
  await db.workspaceMember.update({ where: { id: gus.id }, data: { roleId: workspace.roles.Guest.id } });
  const delegateRole = await createRole(db, workspace.workspace.id, workspace.objects, { name: `Delegate ${workspace.tag}`, canSeeAllObjects: true, settings: ["ROLES"] });
  const delegate = workspace.members[1];
  await db.workspaceMember.update({ where: { id: delegate.id }, data: { roleId: delegateRole.id } });
  await createRecords(db, { workspaceId: workspace.workspace.id, objectMetadataId: workspace.objects.person.id, rows: [{ name: `Rita Request ${workspace.tag}`, jobTitle: "Buyer" }] });
  const person = await db.record.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, objectMetadataId: workspace.objects.person.id } });

  // Gus: the record is read-only for him, and the page says what would allow it.
  const gusContext = await browser.newContext();
  await signInAs(gusContext, gus.user.email);
  const gusPage = await gusContext.newPage();
  await gusPage.goto(`/objects/people/${person.id}`);
  await expect(gusPage.getByRole("note").getByText("Needs Edit records on People")).toBeVisible();
  await expect(gusPage.getByRole("textbox", { name: "Job title" })).toHaveCount(0);
  await gusPage.getByRole("button", { name: "Request access" }).click();
  const dialog = gusPage.getByRole("dialog", { name: "Request access" });
  await expect(dialog.getByLabel("Permission")).toHaveValue("0");
  await expect(dialog.getByLabel("Permission").locator("option:checked")).toHaveText("Edit records on People");
  // Reason is required: refused, nothing asked.
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  expect(await db.accessRequest.count({ where: { workspaceId: workspace.workspace.id } })).toBe(0);
  await dialog.getByLabel("Reason").fill("Fix the job titles after the fair");
  await dialog.getByLabel("For").selectOption({ label: "1 day" });
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(gusPage.getByText("Request sent. You will see the outcome on My role.")).toBeVisible();

  // The same from My role: prefilled options hold it, and asking again answers with the open request.
  await gusPage.goto("/settings/my-role");
  await expect(gusPage.getByRole("region", { name: "My access requests" }).getByText("Edit records on People")).toBeVisible();
  await gusPage.getByRole("button", { name: "Request access" }).click();
  const again = gusPage.getByRole("dialog", { name: "Request access" });
  await again.getByLabel("Permission").selectOption({ label: "Edit records on People" });
  await again.getByLabel("Reason").fill("Again");
  await again.getByRole("button", { name: "Send request" }).click();
  await expect(gusPage.getByText("You already asked for this; your request is still open.")).toBeVisible();
  expect(await db.accessRequest.count({ where: { workspaceId: workspace.workspace.id } })).toBe(1);

  // A delegate who lacks Edit on People does not see it as approvable.
  const delegateContext = await browser.newContext();
  await signInAs(delegateContext, delegate.user.email);
  const delegatePage = await delegateContext.newPage();
  await delegatePage.goto("/settings/roles/requests");
  await expect(delegatePage.getByRole("heading", { name: "Requests", level: 1 })).toBeVisible();
  await expect(delegatePage.getByText("No open requests.")).toBeVisible();

  // The Admin: Settings → Roles → Requests, with who, why, how long and the impact.
  await page.goto("/settings/roles");
  await page.getByRole("link", { name: "Requests" }).click();
  await expect(page).toHaveURL(/\/settings\/roles\/requests$/);
  const item = page.getByRole("listitem").filter({ hasText: gus.user.name });
  await expect(item.getByText("Fix the job titles after the fair")).toBeVisible();
  await expect(item.getByText("1 day")).toBeVisible();
  await expect(item.getByRole("list", { name: "Impact" }).getByText("Gains Edit records on People")).toBeVisible();
  await item.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByText("No open requests.")).toBeVisible();

  // Gus now edits the person.
  await gusPage.goto(`/objects/people/${person.id}`);
  await gusPage.getByRole("textbox", { name: "Job title" }).fill("Head buyer");
  await gusPage.getByRole("button", { name: "Save" }).click();
  await expect.poll(async () => JSON.parse((await db.record.findUniqueOrThrow({ where: { id: person.id } })).data).jobTitle).toBe("Head buyer");
  await gusPage.goto("/settings/my-role");
  await expect(gusPage.getByRole("region", { name: "My access requests" }).getByText("Approved")).toBeVisible();

  // The audit log has the request and the approval; with a short period, the end too.
  const actions = (await db.auditLog.findMany({ where: { workspaceId: workspace.workspace.id, action: { startsWith: "accessRequest." } } })).map((entry) => entry.action).sort();
  expect(actions).toEqual(["accessRequest.approved", "accessRequest.created"]);
  await db.permissionSetAssignment.updateMany({ where: { workspaceId: workspace.workspace.id, principalId: gus.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await gusPage.goto(`/objects/people/${person.id}`);
  await expect(gusPage.getByRole("note").getByText("Needs Edit records on People")).toBeVisible();
  await page.goto("/settings/audit-log");
  await expect(page.getByText("Access request approved").first()).toBeVisible();
  await expect(page.getByText("Access requested").first()).toBeVisible();
  expect(await db.auditLog.count({ where: { workspaceId: workspace.workspace.id, action: "permissionSet.expired" } })).toBe(1);
  await gusContext.close();
  await delegateContext.close();
});
