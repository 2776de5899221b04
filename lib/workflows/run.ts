/**
 * Runs a workflow on a member's manual trigger. The agent step acts with the agent's own role
 * (`agentPrincipal`), never the invoker's (SPEC §5): an Admin who clicks "Run now" does not lend
 * the agent their rights. The agent step reads through lib/records' door and sends through
 * lib/email's door; everything the run writes (the digest e-mail in the outbox, the audit
 * entries of the agent and of the invoker) is written in the caller's one transaction.
 */
import type { Tx } from "@/lib/db/prisma";
import { DomainError, isDomainError } from "@/lib/errors";
import { can, canAction, maskRecords } from "@/lib/permissions";
import { agentPrincipal, type Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { findRecordObject, listRecords, type VisibleRecord } from "@/lib/records";
import { readsEveryRecordOf, type Reader } from "@/lib/sight/reader";
import { reachableRecords } from "@/lib/sight/records";
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

/** What of the agent's findings the invoker may see: null when Opportunities are hidden to them. */
async function invokerSees(tx: Tx, invoker: Principal, found: VisibleRecord[]): Promise<VisibleRecord[] | null> {
  const object = await findRecordObject(tx, invoker.workspaceId, "opportunity");
  if (!object || !can(invoker.permissions, "see", object.nameSingular)) return null;
  const reachable = await reachableRecords(tx, invoker, object, found.map((record) => String(record.id)));
  // Each record with the fields the invoker may see on it (with several grants, those of the grants reaching it).
  return (maskRecords(invoker.permissions, object.nameSingular, found.filter((record) => reachable.has(String(record.id)))) ?? []).map((record) => {
    const visible = reachable.get(String(record.id))!;
    return Object.fromEntries(Object.entries(record).filter(([field]) => visible.has(field) || field === "deletedAt"));
  }) as VisibleRecord[];
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
    // The digest goes to the invoker: only the records both the agent's and the invoker's rules
    // reach, and of those only the fields both may see (SPEC §16).
    const shown = stale && (await invokerSees(tx, actor, stale));
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
  /** Null when the reader may not learn the count (see listWorkflowRuns). */
  staleCount: number | null;
}

/**
 * The latest manual runs of a workflow, from the audit log, as `reader` may see them: a run's
 * count of stale deals is its invoker's sight, so it shows to the invoker and to readers who
 * reach every opportunity (for anyone else it would count records beyond their rule).
 */
export async function listWorkflowRuns(db: Tx, reader: Reader, workflowId: string, take = 5): Promise<WorkflowRunEntry[]> {
  const everyRecord = readsEveryRecordOf(reader, "opportunity");
  const entries = await db.auditLog.findMany({
    where: { workspaceId: reader.workspaceId, action: "workflow.triggered", targetType: "workflow", targetId: workflowId },
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
    const mayCount = everyRecord || (entry.actorType === reader.kind && entry.actorId === reader.id);
    return { id: entry.id, at: entry.createdAt, by: entry.actorLabel, outcome: after.outcome ?? null, staleCount: mayCount ? (after.staleCount ?? 0) : null };
  });
}
