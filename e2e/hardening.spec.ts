/**
 * SPEC §16 in the browser: what a delegate, a reader and an attacker found before, redone as they
 * did it, is refused or shows nothing, and every refusal leaves the workspace as it was. Each test
 * builds the demo's situation in a workspace of its own (the suite runs in parallel on one server):
 * a member whose role holds See on all objects and `Roles`, a Sales rep given `Roles` and
 * `Workflows`, a copied session cookie.
 */
import type { BrowserContext } from "@playwright/test";
import { memberPrincipal } from "@/lib/access/principal";
import { updateRecord } from "@/lib/records";
import { hashApiKeySecret } from "@/lib/api-keys/secret";
import { createRecords, createRole } from "@/prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";
import { workspaceSnapshot } from "./snapshot";
import { E2E_BASE_URL } from "./env";

const REFUSAL = "You cannot grant permissions that your own role does not have.";

type Workspace = Parameters<Parameters<typeof test>[2]>[0]["workspace"];

/** A member whose role holds See on all objects and `Roles`, signed in (as in the issue). */
async function asDelegate(context: BrowserContext, workspace: Workspace, extra: Parameters<typeof createRole>[3] | null = null) {
  const role = await createRole(db, workspace.workspace.id, workspace.objects, extra ?? { name: "Role manager", canSeeAllObjects: true, settings: ["ROLES"] });
  await db.workspaceMember.update({ where: { id: workspace.members[0].id }, data: { roleId: role.id } });
  await context.clearCookies();
  await signInAs(context, workspace.members[0].user.email);
  return role;
}

async function expectUnchanged(workspaceId: string, act: () => Promise<void>) {
  const before = await workspaceSnapshot(workspaceId);
  await act();
  expect(await workspaceSnapshot(workspaceId)).toBe(before);
}

test("an assignment that would end in the default role (Member) cannot be given by a delegate who lacks Member", async ({ page, context, workspace }) => {
  await asDelegate(context, workspace);
  const narrow = await createRole(db, workspace.workspace.id, workspace.objects, { name: "People readers", objectRules: [{ object: "person", canSee: true }] });
  const gus = workspace.members[1];
  await db.workspaceMember.update({ where: { id: gus.id }, data: { roleId: workspace.roles.Guest.id } });
  const key = await db.apiKey.update({ where: { id: workspace.apiKey.id }, data: { roleId: workspace.roles.Guest.id } });

  await expectUnchanged(workspace.workspace.id, async () => {
    await page.goto(`/settings/roles/${narrow.id}?tab=assignment`);
    for (const [button, name] of [["+ Assign to member", gus.user.name], ["+ Assign to API key", key.name]] as const) {
      await page.getByRole("button", { name: button }).click();
      await page.getByRole("dialog").getByRole("button", { name: new RegExp(name) }).click();
      const until = page.getByRole("dialog").getByLabel("Until");
      await expect(until).toBeDisabled();
      await expect(until).toHaveAccessibleDescription(/falls back to Member, which your own role does not hold/);
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    }
  });
  // For good (no Until) she may: Guest and People readers are both hers.
  await page.getByRole("button", { name: "+ Assign to member" }).click();
  await page.getByRole("dialog").getByRole("button", { name: new RegExp(gus.user.name) }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("region", { name: /^Members/ }).getByText(gus.user.name)).toBeVisible();
  expect((await db.workspaceMember.findUniqueOrThrow({ where: { id: gus.id } })).roleExpiresAt).toBeNull();
});

test("deleting a role she does not hold the permissions of, held by nobody, is refused; so is deleting one that guardrails protect", async ({ page, context, workspace }) => {
  await asDelegate(context, workspace);
  const editors = await createRole(db, workspace.workspace.id, workspace.objects, { name: "Editors", canSeeAllObjects: true, canEditAllObjects: true });
  const readers = await createRole(db, workspace.workspace.id, workspace.objects, { name: "Readers", canSeeAllObjects: true });
  await db.guardrail.create({ data: { workspaceId: workspace.workspace.id, roleId: readers.id, mode: "never", action: "EXPORT_CSV", createdBy: "Admin" } });

  for (const [role, message] of [[editors, `${REFUSAL} Not in your role: Create records on People.`], [readers, "Only an Admin can do this."]] as const) {
    await expectUnchanged(workspace.workspace.id, async () => {
      await page.goto(`/settings/roles/${role.id}?tab=settings`);
      await page.getByRole("button", { name: "Delete role" }).click();
      await page.getByRole("dialog", { name: "Delete role" }).getByRole("button", { name: "Confirm" }).click();
      await expect(page.getByRole("dialog", { name: "Delete role" }).getByRole("alert")).toHaveText(message);
    });
  }
});

test("a delegate whose Email is read-only cannot make a role that creates People with an email", async ({ page, context, workspace }) => {
  await asDelegate(context, workspace, {
    name: "People clerk",
    canSeeAllObjects: true,
    settings: ["ROLES"],
    objectRules: [{ object: "person", canCreate: true, canEdit: true }],
    fieldRules: [{ object: "person", field: "email", canSee: true, canEdit: false }],
  });
  await expectUnchanged(workspace.workspace.id, async () => {
    await page.goto("/settings/roles/new");
    await page.getByRole("button", { name: "+ Add rule" }).click();
    await page.getByRole("dialog", { name: "Add a rule" }).getByRole("button", { name: "People" }).click();
    await page.getByRole("switch", { name: "Create records", exact: true }).click();
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel("Role name").fill("People creators");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("tab", { name: "Permissions" }).click();
    await expect(page.getByText(`${REFUSAL} Not in your role: Create with field Email on People.`).first()).toBeVisible();
  });
});

/** A Sales rep (only the opportunities they own) who also holds `Roles` and `Workflows`, with a deal of theirs and one of someone else's. */
async function salesRepWithDeals(context: BrowserContext, workspace: Workspace) {
  const sam = workspace.members[0];
  const other = workspace.members[1];
  await asDelegate(context, workspace, {
    name: "Sales rep with Roles",
    settings: ["ROLES", "WORKFLOWS"],
    actions: ["SEND_EMAIL"],
    objectRules: [
      { object: "person", canSee: true },
      { object: "company", canSee: true },
      { object: "opportunity", canSee: true, canEdit: true, recordRule: { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] } },
    ],
  });
  const stale = new Date(Date.now() - 60 * 86_400_000);
  await createRecords(db, {
    workspaceId: workspace.workspace.id,
    objectMetadataId: workspace.objects.opportunity.id,
    rows: [
      { name: "Own deal of Sam", stage: "PROPOSAL", ownerId: sam.id },
      { name: "Summit Labs — deal 2", stage: "PROPOSAL", ownerId: other.id },
    ],
    startAt: stale,
  });
  return { sam, other };
}

/** An Admin edits the deal through the records use case, as the record page does: the write is audited with its name and values. */
async function editAsAdmin(workspace: Workspace, name: string) {
  const record = await db.record.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, data: { contains: name } } });
  const admin = (await memberPrincipal(db, workspace.admins[0].id))!;
  await db.$transaction((tx) => updateRecord(tx, admin, "opportunities", record.id, { stage: "MEETING" }));
}

test("a Sales rep with Roles reads no audit entry about a deal outside his rule", async ({ page, context, workspace }) => {
  await salesRepWithDeals(context, workspace);
  for (const name of ["Own deal of Sam", "Summit Labs — deal 2"]) await editAsAdmin(workspace, name);

  await page.goto("/settings/audit-log");
  await expect(page.getByText("Own deal of Sam").first()).toBeVisible();
  await expect(page.getByText("Summit Labs — deal 2")).toHaveCount(0);
  expect(await page.content()).not.toContain("Summit Labs");
});

test("a Sales rep with Workflows is mailed only his own stale deals, and sees no count of others'", async ({ page, context, workspace }) => {
  const { sam } = await salesRepWithDeals(context, workspace);
  await page.goto("/settings/workflows");
  await page.getByRole("button", { name: "Run now: Report stale opportunities" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "1 stale opportunity found; digest e-mailed." })).toBeVisible();
  const digest = await db.outboxMessage.findFirstOrThrow({ where: { workspaceId: workspace.workspace.id, to: sam.user.email } });
  expect(digest.body).toContain("Own deal of Sam");
  expect(digest.body).not.toContain("Summit Labs");
  await page.goto("/outbox");
  await expect(page.getByText("1 stale opportunity").first()).toBeVisible();
  const outbox = await page.content();
  expect(outbox).toContain("Own deal of Sam");
  expect(outbox).not.toContain("Summit Labs");

  // An Admin's run counts both deals; its count is not shown to Sam in the run history.
  await db.auditLog.create({
    data: { workspaceId: workspace.workspace.id, actorType: "member", actorId: workspace.admins[0].id, actorLabel: workspace.admins[0].user.name, action: "workflow.triggered", targetType: "workflow", targetId: "stale-opportunities", targetLabel: "Report stale opportunities", after: JSON.stringify({ outcome: "sent", staleCount: 2 }) },
  });
  await page.goto("/settings/workflows");
  const adminRun = page.getByRole("row", { name: new RegExp(workspace.admins[0].user.name) });
  await expect(adminRun).toContainText("its count is outside what you can see");
  await expect(adminRun).not.toContainText("2 stale");
});

test("signing out ends the session on the server: a copy of the cookie no longer signs anyone in", async ({ browser, page, context, workspace }) => {
  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(workspace.members[0].user.email);
  await page.getByLabel("Password").fill("rolecall-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  const copied = await context.cookies();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/settings/my-role");
  await expect(thiefPage.getByRole("heading", { name: "My role" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/sign-in/);
  await thiefPage.goto("/settings/my-role");
  await expect(thiefPage).toHaveURL(/sign-in/);
  await thief.close();
});

test("a temporary password stops working after 7 days, with a clear message", async ({ page, context, workspace }) => {
  const member = workspace.members[1];
  await db.user.update({ where: { id: member.userId }, data: { mustChangePassword: true, temporaryPasswordExpiresAt: new Date(Date.now() - 1000) } });
  await context.clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(member.user.email);
  await page.getByLabel("Password").fill("rolecall-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This temporary password has expired. Ask an admin of your workspace to invite you again.")).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
});

test("/api/mcp refuses a page of another site (Origin), and an expired agent token", async ({ request, workspace }) => {
  const body = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
  const headers = { Authorization: "Bearer rca_not-a-real-token", "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  const foreign = await request.post(`${E2E_BASE_URL}/api/mcp`, { data: body, headers: { ...headers, Origin: "http://rebind.evil.example:3100" } });
  expect(foreign.status()).toBe(403);

  // A token that has expired no longer authenticates; the same token before its end does.
  const secret = `rca_hardening_${workspace.tag}`;
  const token = await db.agentToken.create({ data: { workspaceId: workspace.workspace.id, agentId: workspace.agent.id, name: "Short-lived", prefix: secret.slice(0, 8), secretHash: hashApiKeySecret(secret), expiresAt: new Date(Date.now() + 3_600_000) } });
  const call = () => request.post(`${E2E_BASE_URL}/api/mcp`, { data: body, headers: { ...headers, Authorization: `Bearer ${secret}` } });
  expect((await call()).status()).toBe(200);
  await db.agentToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await call()).status()).toBe(401);
});
