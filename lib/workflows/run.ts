/**
 * Runs a workflow on a member's manual trigger. The agent step acts with the agent's own role
 * (`agentPrincipal`), never the invoker's (SPEC §5): an Admin who clicks "Run now" does not lend
 * the agent their rights. The agent step reads through lib/records' door and sends through
 * lib/email's door; everything the run writes (the digest e-mail in the outbox, the audit
 * entries of the agent and of the invoker) is written in the caller's one transaction.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError, isDomainError } from "@/lib/errors";
import { canAction, maskRecords } from "@/lib/permissions";
import { agentPrincipal, type Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { listRecords, type VisibleRecord } from "@/lib/records";
import { deliverEmail } from "@/lib/email/deliver";
import { findWorkflow, type WorkflowDefinition } from "./catalog";
import { authorityFor } from "@/lib/access/authority";

/** What happened, for the toast and the run history. */
export type WorkflowOutcome = "sent" | "noAgent" | "agentCannotRead" | "invokerCannotRead" | "agentCannotEmail";

export interface WorkflowRun {
  outcome: WorkflowOutcome;
  staleCount: number;
  agentName: string | null;
  agentRoleName: string | null;
}

const MAX_SCANNED = 1_000;
const MAX_LISTED = 20;
const DAY_MS = 86_400_000;

/** The agent a workflow's agent step runs as: the workspace's first agent. */
export async function workflowAgent(db: Tx, workspaceId: string) {
  return db.agent.findFirst({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { role: { select: { name: true } } } });
}

/** Open opportunities not updated since `cutoff`, as the agent's role lets it see them. */
async function findStaleOpportunities(tx: Tx, agent: Principal, cutoff: Date) {
  const found: VisibleRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await listRecords(tx, agent, "opportunities", {
      filter: [
        { field: "stage", op: "neq", value: "CUSTOMER" },
        { field: "updatedAt", op: "lt", value: cutoff.toISOString() },
      ],
      orderBy: { field: "updatedAt", direction: "asc" },
      limit: 200,
      cursor,
    });
    found.push(...page.records);
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor && found.length < MAX_SCANNED);
  return found;
}

function digest(workflow: WorkflowDefinition, records: VisibleRecord[]) {
  const lines = records.slice(0, MAX_LISTED).map((record) => {
    const updated = typeof record.updatedAt === "string" ? record.updatedAt.slice(0, 10) : "";
    return `- ${String(record.name ?? record.id)}${updated ? ` (last updated ${updated})` : ""}`;
  });
  const more = records.length > MAX_LISTED ? [`… and ${records.length - MAX_LISTED} more.`] : [];
  return {
    subject: `${records.length} stale ${records.length === 1 ? "opportunity" : "opportunities"}`,
    body: [`Open opportunities not updated for ${workflow.staleAfterDays} days:`, "", ...lines, ...more].join("\n"),
  };
}

/** The use case, in the caller's transaction: the e-mail and both audit entries commit together. */
export async function runWorkflow(tx: Tx, actor: Principal, recipient: string, workflowId: string, now = new Date()): Promise<WorkflowRun> {
  const workflow = findWorkflow(workflowId);
  if (!workflow) throw new DomainError("NOT_FOUND");

  await authorityFor(tx, actor, "WORKFLOWS");
  const agentRow = await workflowAgent(tx, actor.workspaceId);
  const agent = agentRow ? await agentPrincipal(tx, agentRow.id) : null;
  const run: WorkflowRun = { outcome: "noAgent", staleCount: 0, agentName: agentRow?.name ?? null, agentRoleName: null };

  if (agent) {
    run.agentRoleName = (await tx.role.findUniqueOrThrow({ where: { id: agent.roleId }, select: { name: true } })).name;
    let stale: VisibleRecord[] | null = null;
    try {
      stale = await findStaleOpportunities(tx, agent, new Date(now.getTime() - workflow.staleAfterDays * DAY_MS));
    } catch (error) {
      // The agent's role hides Opportunities or a field the step filters on: the step stops.
      if (!isDomainError(error) || error.code !== "FORBIDDEN") throw error;
      run.outcome = "agentCannotRead";
    }
    // The digest goes to the invoker: it shows only what both the agent and the invoker may see.
    const shown = stale && maskRecords(actor.permissions, "opportunity", stale);
    if (stale && !shown) run.outcome = "invokerCannotRead";
    if (shown) {
      stale = shown as VisibleRecord[];
      run.staleCount = stale.length;
      // Asked here to report the outcome; the e-mail door refuses it again on its own.
      if (!canAction(agent.permissions, "SEND_EMAIL")) {
        run.outcome = "agentCannotEmail";
      } else {
        await deliverEmail(tx, agent, { to: recipient, ...digest(workflow, stale) }, { workflow: workflow.id });
        run.outcome = "sent";
      }
    }
  }

  await writeAudit(tx, actor, {
    action: "workflow.triggered",
    targetType: "workflow",
    targetId: workflow.id,
    targetLabel: workflow.auditLabel,
    after: { ...run },
  });
  return run;
}

export interface WorkflowRunEntry {
  id: string;
  at: Date;
  by: string;
  outcome: WorkflowOutcome | null;
  staleCount: number;
}

/** The latest manual runs of a workflow, from the audit log. */
export async function listWorkflowRuns(db: Tx, workspaceId: string, workflowId: string, take = 5): Promise<WorkflowRunEntry[]> {
  const entries = await db.auditLog.findMany({
    where: { workspaceId, action: "workflow.triggered", targetType: "workflow", targetId: workflowId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return entries.map((entry) => {
    let after: Partial<WorkflowRun> = {};
    try {
      after = entry.after ? (JSON.parse(entry.after) as Partial<WorkflowRun>) : {};
    } catch {
      after = {};
    }
    return { id: entry.id, at: entry.createdAt, by: entry.actorLabel, outcome: after.outcome ?? null, staleCount: after.staleCount ?? 0 };
  });
}
