"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { requireMemberForAction } from "@/lib/access/current-member";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/run-action";
import { parseOrThrow } from "@/lib/validation";
import { WORKFLOW_IDS } from "@/lib/workflows/catalog";
import { runWorkflow, type WorkflowRun } from "@/lib/workflows/run";

/**
 * "Run now": managing workflows (the WORKFLOWS permission) is what allows a manual trigger
 * (SPEC §2.5). The agent step then runs with the agent's role, not the invoker's.
 */
export async function runWorkflowAction(input: unknown): Promise<ActionResult<WorkflowRun>> {
  return runAction(async () => {
    const actor = await requireMemberForAction("WORKFLOWS");
    const { workflowId } = parseOrThrow(z.object({ workflowId: z.enum(WORKFLOW_IDS) }), input);
    return db.$transaction((tx) => runWorkflow(tx, actor, actor.email, workflowId));
  }, { path: "/settings/workflows" });
}
