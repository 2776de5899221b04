/**
 * One agent tool call, as the MCP server makes it. The agent's principal is
 * resolved on every call (a role change applies to the next call) from the agent's own role
 * (`agentPrincipal`): whoever invokes the agent — an Admin who starts it included — lends it
 * none of their permissions (SPEC §5). The invoker only appears in the audit entries' actor label.
 *
 * Nothing is thrown for a refusal: the result is `{ ok: false, error }` with the code and the
 * object and field concerned, built from the DomainError's params only (never an exception's text).
 */
import type { Db } from "@/lib/db/prisma";
import { agentPrincipal, type Principal } from "@/lib/access/principal";
import { apiErrorMessage, apiMessage } from "@/lib/api/error-messages";
import { parseOrThrow } from "@/lib/validation";
import { DomainError, isDomainError, type ErrorCode } from "@/lib/errors";
import { AGENT_TOOL_NAMES, findAgentTool } from "./tools";

export interface AgentToolError {
  code: ErrorCode;
  /** An English sentence naming the object and field, e.g. `The field "email" of "people" is read-only for your role.` */
  message: string;
  object?: string;
  field?: string;
  /** For FORBIDDEN: which rule refused (OBJECT_NOT_VISIBLE, FIELD_READ_ONLY, …). */
  reason?: string;
}

export type AgentToolResult = { ok: true; data: unknown } | { ok: false; error: AgentToolError };

export interface AgentInvocation {
  agentId: string;
  /**
   * Who started the run (e.g. a member). Never consulted for permissions; named
   * in the actor label of the agent's audit entries ("Sales assistant (invoked by Ada Admin)").
   */
  invokedBy?: Pick<Principal, "label" | "workspaceId">;
}

/** A refusal or input error as the agent sees it. */
export function toAgentToolError(error: DomainError): AgentToolError {
  const params = error.details.params ?? {};
  const field = error.details.field ?? (typeof params.field === "string" ? params.field : undefined);
  return {
    code: error.code,
    message: apiErrorMessage(error),
    ...(typeof params.object === "string" ? { object: params.object } : {}),
    ...(field === undefined ? {} : { field }),
    // Which rule refused: a refusal's reason (a validation error's sentence says it all).
    ...(error.code === "FORBIDDEN" && typeof params.reason === "string" ? { reason: params.reason } : {}),
  };
}

function failure(error: DomainError): AgentToolResult {
  return { ok: false, error: toAgentToolError(error) };
}

/** The agent's principal for this call, or null when the agent does not exist (for this invoker). */
async function actingPrincipal(db: Db, invocation: AgentInvocation): Promise<Principal | null> {
  const agent = await agentPrincipal(db, invocation.agentId);
  if (!agent) return null;
  const invoker = invocation.invokedBy;
  if (!invoker) return agent;
  // An invoker of another workspace cannot reach this agent: answer as if it did not exist.
  if (invoker.workspaceId !== agent.workspaceId) return null;
  return { ...agent, label: `${agent.label} (invoked by ${invoker.label})` };
}

export async function runAgentTool(db: Db, invocation: AgentInvocation, toolName: string, args: unknown): Promise<AgentToolResult> {
  const tool = findAgentTool(toolName);
  if (!tool) {
    return failure(new DomainError("VALIDATION_FAILED", { field: "tool", params: { reason: "UNKNOWN_TOOL", value: toolName.slice(0, 100), tools: AGENT_TOOL_NAMES.join(", ") } }));
  }

  try {
    const input = parseOrThrow(tool.input, args ?? {}, "arguments");
    const principal = await actingPrincipal(db, invocation);
    if (!principal) {
      return { ok: false, error: { code: "NOT_FOUND", message: apiMessage("AGENT_NOT_FOUND", { agent: invocation.agentId.slice(0, 100) }) } };
    }
    return { ok: true, data: await tool.run(db, principal, input) };
  } catch (error) {
    if (isDomainError(error)) return failure(error);
    // Unknown failures are logged (stderr) and answered without their text, which may hold internals.
    console.error(`[agents] ${toolName} failed:`, error);
    return failure(new DomainError("INTERNAL"));
  }
}
