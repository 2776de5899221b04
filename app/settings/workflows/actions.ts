"use server";

import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { memberAction } from "@/lib/actions/member-action";
import { WORKFLOW_IDS } from "@/lib/workflows/catalog";
import { runWorkflow } from "@/lib/workflows/run";

/**
 * "Run now": managing workflows (the WORKFLOWS permission) is what allows a manual trigger
 * (docs/reference.md §2.5). The agent step then runs with the agent's role, not the invoker's.
 */
export const runWorkflowAction = memberAction(
  { schema: z.object({ workflowId: z.enum(WORKFLOW_IDS) }), permission: "WORKFLOWS", revalidate: { path: "/settings/workflows" } },
  ({ actor, input }) => db.$transaction((tx) => runWorkflow(tx, actor, actor.email, input.workflowId)),
);
