"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireMemberForAction } from "@/lib/auth/current-member";
import { toActionErrors, type ActionResult } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { WORKFLOW_IDS } from "@/lib/workflows/catalog";
import { runWorkflow, type WorkflowRun } from "@/lib/workflows/run";

/**
 * "Run now": managing workflows (the WORKFLOWS permission) is what allows a manual trigger
 * (SPEC §2.5). The agent step then runs with the agent's role, not the invoker's.
 */
export async function runWorkflowAction(input: unknown): Promise<ActionResult<WorkflowRun>> {
  try {
    const actor = await requireMemberForAction("WORKFLOWS");
    const { workflowId } = parseOrThrow(z.object({ workflowId: z.enum(WORKFLOW_IDS) }), input);
    const data = await runWorkflow(db, actor, actor.email, workflowId);
    revalidatePath("/settings/workflows");
    return { ok: true, data };
  } catch (error) {
    return { ok: false, errors: toActionErrors(error) };
  }
}
