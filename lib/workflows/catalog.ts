/**
 * The workspace's workflows. There is one, built in: a demo of a workflow with an AI agent step.
 * Each is triggered manually from Settings → Workflows, which needs the Workflows permission.
 */
export const WORKFLOW_IDS = ["stale-opportunities"] as const;
export type WorkflowId = (typeof WORKFLOW_IDS)[number];

export interface WorkflowDefinition {
  id: WorkflowId;
  /** Keys under `settings.workflows.catalog.<id>` in the messages. */
  messageKey: string;
  /** For the audit log, which shows labels as written. */
  auditLabel: string;
  /** Days without an update after which an open opportunity counts as stale. */
  staleAfterDays: number;
}

export const WORKFLOWS: readonly WorkflowDefinition[] = [{ id: "stale-opportunities", messageKey: "staleOpportunities", auditLabel: "Report stale opportunities", staleAfterDays: 30 }];

export function findWorkflow(id: string): WorkflowDefinition | undefined {
  return WORKFLOWS.find((workflow) => workflow.id === id);
}
