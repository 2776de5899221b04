/** Guardrails over REST (SPEC §14): every statement, judged now by the engine, for CI and scripts. */
import { canSetting } from "@/lib/permissions";
import { DomainError } from "@/lib/errors";
import { listGuardrails } from "@/lib/roles/guardrails";
import { jsonResponse } from "./responses";
import { authenticatedRoute } from "./route";

/** GET /api/rest/guardrails/check: needs a key whose role holds the Roles settings permission. */
export const handleGuardrailsCheck = authenticatedRoute<Record<string, never>>(async ({ db, principal }) => {
  if (!canSetting(principal.permissions, "ROLES")) throw new DomainError("FORBIDDEN", { params: { reason: "SETTING_REQUIRED", setting: "ROLES" } });
  const guardrails = await listGuardrails(db, principal.workspaceId);
  const data = guardrails.map((guardrail) => ({
    id: guardrail.id,
    statement: guardrail.statement,
    // About a role, or (SPEC §17) about one member: the other is null.
    role: guardrail.roleId ? { id: guardrail.roleId, name: guardrail.roleName } : null,
    member: guardrail.memberId ? { id: guardrail.memberId, name: guardrail.roleName } : null,
    mode: guardrail.mode,
    action: guardrail.action,
    object: guardrail.object,
    field: guardrail.field,
    holds: guardrail.holds,
    reason: guardrail.reason,
  }));
  return jsonResponse({ data, holds: data.every((guardrail) => guardrail.holds) });
});
