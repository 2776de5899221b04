import { z } from "zod";
import { BASELINE_SWITCHES, GUARDRAIL_MODES, RULE_SWITCHES } from "@/lib/permissions";
import { roleDraft, type RoleDraft } from "./draft";

/**
 * Roles as files (config as code): a versioned envelope around the same draft the editor saves,
 * keyed by object and field names so a definition moves between workspaces.
 */
export const ROLE_FILE_KIND = "rolecall.role";
export const ROLE_FILE_VERSION = 1;

/**
 * Files exported before Create was split from Edit (SPEC §13) have no create switches: such a
 * role created whenever it edited, so a missing create takes edit's value, as the migration did.
 */
function withCreateFromEdit(role: unknown): unknown {
  if (!isRecord(role)) return role;
  const objectRules = Array.isArray(role.objectRules)
    ? role.objectRules.map((rule: unknown) => (isRecord(rule) && !(RULE_SWITCHES.create in rule) ? { ...rule, [RULE_SWITCHES.create]: rule[RULE_SWITCHES.edit] ?? null } : rule))
    : role.objectRules;
  return { ...role, ...(BASELINE_SWITCHES.create in role ? {} : { [BASELINE_SWITCHES.create]: role[BASELINE_SWITCHES.edit] }), objectRules };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A guardrail about the role (SPEC §14), without the role: the file names it by being it. */
export const guardrailStatement = z.object({
  mode: z.enum(GUARDRAIL_MODES),
  action: z.string().min(1).max(50),
  object: z.string().min(1).max(100).nullable().default(null),
  field: z.string().min(1).max(100).nullable().default(null),
});

export const roleFile = z.object({
  kind: z.literal(ROLE_FILE_KIND),
  version: z.literal(ROLE_FILE_VERSION),
  role: z.preprocess(withCreateFromEdit, roleDraft),
  // Optional: files exported before guardrails existed have none. The engine validates each on import.
  guardrails: z.array(guardrailStatement).max(100).optional(),
  // A permission set (SPEC §17) is the same definition; files without it are roles.
  grant: z.enum(["role", "set"]).default("role"),
});

export function toRoleFile(draft: RoleDraft, guardrails: readonly z.infer<typeof guardrailStatement>[] = [], grant: "role" | "set" = "role") {
  return { kind: ROLE_FILE_KIND, version: ROLE_FILE_VERSION, role: draft, ...(guardrails.length > 0 ? { guardrails } : {}), ...(grant === "set" ? { grant } : {}) };
}
