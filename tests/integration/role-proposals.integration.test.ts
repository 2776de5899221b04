/**
 * Four eyes for role changes (docs/reference.md §18): with `Role changes need approval` on, an Admin's save
 * becomes a proposal; the same Admin cannot approve it, nor a delegate (an Admin's change needs a
 * second Admin); a second Admin does and the role changes; a proposal whose role changed meanwhile
 * is refused. Every refusal changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { memberPrincipal, type Principal } from "@/lib/access/principal";
import { applyProposal, denyProposal, listApplicableProposals, saveOrPropose, setRoleChangesNeedApproval } from "@/lib/access-requests/proposals";
import { isDomainError } from "@/lib/errors";
import { loadRoleRow, roleToDraft } from "@/lib/access/role-store";
import { createMember, createRole as seedRole } from "@/prisma/factories";
import { loadDemo, useDemoDatabase } from "./db";
import { fullTableSnapshot } from "./refusal";

const db = useDemoDatabase();
let workspaceId = "";
let internId = "";

async function member(email: string): Promise<Principal> {
  const row = await db.workspaceMember.findFirstOrThrow({ where: { user: { email } } });
  return (await memberPrincipal(db, row.id))!;
}

async function expectRefused(call: () => Promise<unknown>, code: string) {
  const before = await fullTableSnapshot(db);
  let caught: unknown = null;
  try {
    await call();
  } catch (error) {
    caught = error;
  }
  expect(isDomainError(caught) ? caught.code : caught).toBe(code);
  expect(await fullTableSnapshot(db)).toBe(before);
}

async function intern() {
  const row = (await loadRoleRow(db, workspaceId, internId))!;
  return { version: row.version, draft: roleToDraft(row) };
}

beforeAll(async () => {
  const demo = await loadDemo(db);
  workspaceId = demo.workspace.id;
  internId = demo.roleId("Intern");
});

describe("role changes need approval", () => {
  it("only an Admin switches it", async () => {
    const role = await seedRole(db, workspaceId, {}, { name: "Security delegate", canSeeAllObjects: true, settings: ["SECURITY", "ROLES"] });
    await createMember(db, { workspaceId, roleId: role.id, email: "security-delegate@acme.dev", name: "Security Delegate", passwordHash: "x" });
    await expectRefused(() => db.$transaction(async (tx) => setRoleChangesNeedApproval(tx, await member("security-delegate@acme.dev"), true)), "ADMIN_ONLY");
    await db.$transaction(async (tx) => setRoleChangesNeedApproval(tx, await member("admin@acme.dev"), true));
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).roleChangesNeedApproval).toBe(true);
  });

  it("an Admin's save becomes a proposal; neither she nor a delegate applies it; a second Admin does", async () => {
    const admin = await member("admin@acme.dev");
    const { version, draft } = await intern();
    const proposed = await db.$transaction((tx) => saveOrPropose(tx, admin, internId, version, { ...draft, description: "Reviewed by four eyes" }));
    expect(proposed.proposalId).toEqual(expect.any(String));
    expect((await intern()).draft.description).toBe(draft.description); // nothing saved yet
    expect(await db.auditLog.count({ where: { workspaceId, action: "roleProposal.created", roleId: internId } })).toBe(1);

    await expectRefused(() => db.$transaction((tx) => applyProposal(tx, admin, proposed.proposalId!)), "OWN_REQUEST");
    expect(await listApplicableProposals(db, admin)).toEqual([]);
    const delegate = await member("security-delegate@acme.dev");
    expect(await listApplicableProposals(db, delegate)).toEqual([]);
    await expectRefused(() => db.$transaction((tx) => applyProposal(tx, delegate, proposed.proposalId!)), "ADMIN_ONLY");

    const ada = await member("ada@acme.dev");
    const [view] = await listApplicableProposals(db, ada);
    expect(view).toMatchObject({ id: proposed.proposalId, roleName: "Intern", proposer: "Alex Admin", stale: false });
    expect(view.holders).toBeGreaterThan(0);
    await db.$transaction((tx) => applyProposal(tx, ada, proposed.proposalId!));
    const after = await intern();
    expect(after.draft.description).toBe("Reviewed by four eyes");
    expect(after.version).toBe(version + 1);
    expect(await db.auditLog.count({ where: { workspaceId, action: "roleProposal.applied", roleId: internId } })).toBe(1);
  });

  it("a proposal whose role changed meanwhile is stale and refused; a denial changes only the proposal", async () => {
    const admin = await member("admin@acme.dev");
    const ada = await member("ada@acme.dev");
    const { version, draft } = await intern();
    const first = await db.$transaction((tx) => saveOrPropose(tx, admin, internId, version, { ...draft, description: "First" }));
    const second = await db.$transaction((tx) => saveOrPropose(tx, admin, internId, version, { ...draft, description: "Second" }));
    await db.$transaction((tx) => applyProposal(tx, ada, first.proposalId!));
    expect((await listApplicableProposals(db, ada)).find((view) => view.id === second.proposalId)?.stale).toBe(true);
    await expectRefused(() => db.$transaction((tx) => applyProposal(tx, ada, second.proposalId!)), "VERSION_CONFLICT");
    await db.$transaction((tx) => denyProposal(tx, ada, second.proposalId!));
    expect((await db.roleProposal.findUniqueOrThrow({ where: { id: second.proposalId! } })).status).toBe("denied");
    expect((await intern()).draft.description).toBe("First");
  });
});
