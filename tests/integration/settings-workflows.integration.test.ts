/**
 * Settings → Workflows: "Run now" needs the WORKFLOWS permission, and the agent step acts with
 * the agent's own role, never with the invoker's (SPEC §2.5, §5).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { actAs } from "./session";
import { loadDemo, useDemoDatabase } from "./db";
import { expectRefusedWithoutChange, type ActionOutcome } from "./refusal";
import { runWorkflowAction } from "@/app/settings/workflows/actions";
import { listWorkflowRuns } from "@/lib/workflows/run";
import { memberPrincipal } from "@/lib/access/principal";
import { createRole, type ObjectIndex } from "@/prisma/factories";

const db = useDemoDatabase();

async function snapshot() {
  const [outbox, audit] = await Promise.all([db.outboxMessage.findMany({ orderBy: { id: "asc" } }), db.auditLog.count()]);
  return JSON.stringify({ outbox, audit });
}

const expectRefused = (call: () => Promise<ActionOutcome>, code: string, field?: string) => expectRefusedWithoutChange(snapshot, call, code, field);

const run = () => runWorkflowAction({ workflowId: "stale-opportunities" });

/** Open opportunities (stage other than Customer): the seed's are all older than 30 days. */
async function openOpportunities() {
  const rows = await db.record.findMany({ where: { object: { nameSingular: "opportunity" }, deletedAt: null } });
  return rows.filter((row) => (JSON.parse(row.data) as { stage?: string }).stage !== "CUSTOMER").length;
}

async function objectIndex(): Promise<ObjectIndex> {
  const objects = await db.objectMetadata.findMany({ include: { fields: true } });
  return Object.fromEntries(objects.map((object) => [object.nameSingular, { id: object.id, fields: Object.fromEntries(object.fields.map((field) => [field.name, field.id])) }]));
}

async function setAgentRole(roleId: string | null) {
  const agent = await db.agent.findFirstOrThrow();
  await db.agent.update({ where: { id: agent.id }, data: { roleId } });
}

beforeEach(async () => {
  await actAs(db, "admin@acme.dev");
  await setAgentRole((await loadDemo(db)).roleId("Member"));
});

describe("permission", () => {
  it("refuses members without the Workflows setting and signed-out callers, writing nothing", async () => {
    for (const email of ["mia@acme.dev", "gus@acme.dev", "ian@acme.dev"]) {
      await actAs(db, email);
      await expectRefused(run, "FORBIDDEN");
    }
    await actAs(db, null);
    await expectRefused(run, "UNAUTHENTICATED");
  });

  it("refuses an unknown workflow", async () => {
    await expectRefused(() => runWorkflowAction({ workflowId: "delete-everything" }), "VALIDATION_FAILED", "workflowId");
    await expectRefused(() => runWorkflowAction({}), "VALIDATION_FAILED", "workflowId");
  });

  it("lets a non-admin whose role grants Workflows run it", async () => {
    const { workspace } = await loadDemo(db);
    const role = await createRole(db, workspace.id, {} as ObjectIndex, { name: "Automation", canSeeAllObjects: true, settings: ["WORKFLOWS"] });
    const lena = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "lena@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: lena.id }, data: { roleId: role.id } });
    await actAs(db, "lena@acme.dev");
    // Lena's role only sees; the agent reads and sends with its own role.
    expect(await run()).toMatchObject({ ok: true, data: { outcome: "sent", agentName: "Sales assistant", agentRoleName: "Member" } });
    expect((await db.outboxMessage.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).to).toBe("lena@acme.dev");
  });
});

describe("run now", () => {
  it("the agent finds the stale opportunities and e-mails the digest; agent and invoker are both audited", async () => {
    const expected = await openOpportunities();
    expect(expected).toBeGreaterThan(0);
    const result = await run();
    expect(result).toEqual({ ok: true, data: { outcome: "sent", staleCount: expected, agentName: "Sales assistant", agentRoleName: "Member" } });

    const message = await db.outboxMessage.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(message).toMatchObject({ to: "admin@acme.dev", actorLabel: "Sales assistant", subject: `${expected} stale opportunities` });
    expect(message.body.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(20);

    const agent = await db.agent.findFirstOrThrow();
    const sent = await db.auditLog.findFirstOrThrow({ where: { action: "email.sent", targetId: message.id } });
    expect(sent).toMatchObject({ actorType: "agent", actorId: agent.id, actorLabel: "Sales assistant" });
    const triggered = await db.auditLog.findFirstOrThrow({ where: { action: "workflow.triggered" }, orderBy: { createdAt: "desc" } });
    expect(triggered).toMatchObject({ actorType: "member", actorLabel: "Alex Admin", targetType: "workflow", targetId: "stale-opportunities" });
    expect(JSON.parse(triggered.after!)).toMatchObject({ outcome: "sent", staleCount: expected });
  });

  it("acts with the agent's role: an Intern agent cannot read Opportunities even when an Admin runs it", async () => {
    await setAgentRole((await loadDemo(db)).roleId("Intern"));
    const outbox = await db.outboxMessage.count();
    expect(await run()).toEqual({ ok: true, data: { outcome: "agentCannotRead", staleCount: 0, agentName: "Sales assistant", agentRoleName: "Intern" } });
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  it("shows the invoker only what both may see: an invoker without Opportunities gets no digest", async () => {
    const { workspace } = await loadDemo(db);
    // Workflows, and every object but Opportunities (the Intern's sight).
    const role = await createRole(db, workspace.id, await objectIndex(), { name: "Automation intern", canSeeAllObjects: true, settings: ["WORKFLOWS"], objectRules: [{ object: "opportunity", canSee: false }] });
    const lena = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "lena@acme.dev" } } });
    await db.workspaceMember.update({ where: { id: lena.id }, data: { roleId: role.id } });
    await actAs(db, "lena@acme.dev");
    const outbox = await db.outboxMessage.count();
    const result = await run();
    expect(result).toEqual({ ok: true, data: { outcome: "invokerCannotRead", staleCount: 0, agentName: "Sales assistant", agentRoleName: "Member" } });
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  it("a Guest agent reads but may not send e-mail", async () => {
    await setAgentRole((await loadDemo(db)).roleId("Guest"));
    const outbox = await db.outboxMessage.count();
    const result = await run();
    expect(result).toMatchObject({ ok: true, data: { outcome: "agentCannotEmail", agentRoleName: "Guest" } });
    if (result.ok) expect(result.data.staleCount).toBe(await openOpportunities());
    expect(await db.outboxMessage.count()).toBe(outbox);
  });

  it("an agent without a role acts with the default role", async () => {
    await setAgentRole(null);
    expect(await run()).toMatchObject({ ok: true, data: { outcome: "sent", agentRoleName: "Member" } });
  });

  it("says so when there is no agent, and lists runs newest first", async () => {
    const { workspace } = await loadDemo(db);
    const agent = await db.agent.findFirstOrThrow();
    await db.agent.delete({ where: { id: agent.id } });
    try {
      expect(await run()).toEqual({ ok: true, data: { outcome: "noAgent", staleCount: 0, agentName: null, agentRoleName: null } });
    } finally {
      await db.agent.create({ data: agent });
    }
    const admin = await db.workspaceMember.findFirstOrThrow({ where: { user: { email: "admin@acme.dev" } } });
    const runs = await listWorkflowRuns(db, (await memberPrincipal(db, admin.id))!, "stale-opportunities");
    expect(runs).toHaveLength(5);
    expect(runs[0]).toMatchObject({ by: "Alex Admin", outcome: "noAgent" });
  });
});
