import { z } from "zod";
import { ACTION_PERMISSIONS, RECORD_RULE_OPERATORS, SETTINGS_PERMISSIONS } from "@/lib/permissions";
import type { RecordRule, RoleDefinition } from "@/lib/permissions";

/**
 * The editable shape of a role: what the editor holds in memory until Save, and what the save
 * action accepts. Validated with zod at the server boundary; the permission engine then checks
 * the rules between switches (SPEC §8).
 */
const override = z.boolean().nullable();
const key = z.string().min(1).max(100);

/** SPEC §13: the shape of a record-level rule; the engine checks fields, operators and values against the schema. */
const ruleScalar = z.union([z.string().max(2_000), z.number().finite(), z.boolean()]);
export const recordConditionDraft = z.strictObject({
  field: key,
  operator: z.enum(RECORD_RULE_OPERATORS),
  value: z.union([ruleScalar, z.array(z.union([z.string().max(2_000), z.number().finite()])).max(100), z.strictObject({ me: z.literal(true) }), z.null()]).optional(),
});
export const recordRuleDraft = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("all") }),
  z.strictObject({ mode: z.literal("match"), join: z.enum(["all", "any"]), conditions: z.array(recordConditionDraft).max(20) }),
]);

/**
 * A stored rule (JSON text) → the engine's rule. Unreadable JSON fails closed: "any of no
 * condition" reaches no record, rather than silently reaching all of them.
 */
export function parseStoredRecordRule(raw: string | null | undefined): RecordRule | null {
  if (raw === null || raw === undefined) return null;
  try {
    const parsed = recordRuleDraft.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data as RecordRule;
  } catch {
    // fall through
  }
  return { mode: "match", join: "any", conditions: [] };
}

/** "All records" is stored as no rule: one representation for "not limited". */
export function storedRecordRule(rule: RecordRule | null | undefined): string | null {
  return rule && rule.mode === "match" ? JSON.stringify(rule) : null;
}

export const objectRuleDraft = z.object({
  object: key,
  canSee: override,
  canCreate: override,
  canEdit: override,
  canDelete: override,
  canDestroy: override,
  /** Absent or null: all records. */
  recordRule: recordRuleDraft.nullable().optional(),
});

export const fieldRuleDraft = z.object({ object: key, field: key, canSee: override, canEdit: override });

export const roleDraft = z.object({
  // Length and uniqueness are checked by the engine so the message matches SPEC §8.
  name: z.string().max(1000),
  description: z.string().max(500),
  icon: z.string().min(1).max(40),
  canSeeAllObjects: z.boolean(),
  canCreateAllObjects: z.boolean(),
  canEditAllObjects: z.boolean(),
  canDeleteAllObjects: z.boolean(),
  canDestroyAllObjects: z.boolean(),
  settingsAllAccess: z.boolean(),
  settings: z.array(z.enum(SETTINGS_PERMISSIONS)).max(SETTINGS_PERMISSIONS.length),
  actionsAllAccess: z.boolean(),
  actions: z.array(z.enum(ACTION_PERMISSIONS)).max(ACTION_PERMISSIONS.length),
  assignableToMembers: z.boolean(),
  assignableToApiKeys: z.boolean(),
  assignableToAgents: z.boolean(),
  objectRules: z.array(objectRuleDraft).max(500),
  fieldRules: z.array(fieldRuleDraft).max(5000),
});

export type RoleDraft = z.infer<typeof roleDraft>;
export type ObjectRuleDraft = z.infer<typeof objectRuleDraft>;
export type FieldRuleDraft = z.infer<typeof fieldRuleDraft>;

/** A new role starts as the guide suggests: see everything, change nothing. */
export const EMPTY_ROLE_DRAFT: RoleDraft = {
  name: "",
  description: "",
  icon: "user",
  canSeeAllObjects: true,
  canCreateAllObjects: false,
  canEditAllObjects: false,
  canDeleteAllObjects: false,
  canDestroyAllObjects: false,
  settingsAllAccess: false,
  settings: [],
  actionsAllAccess: false,
  actions: [],
  assignableToMembers: true,
  assignableToApiKeys: true,
  assignableToAgents: true,
  objectRules: [],
  fieldRules: [],
};

export function draftToDefinition(draft: RoleDraft, isAdmin = false): RoleDefinition {
  return {
    isAdmin,
    canSeeAllObjects: draft.canSeeAllObjects,
    canCreateAllObjects: draft.canCreateAllObjects,
    canEditAllObjects: draft.canEditAllObjects,
    canDeleteAllObjects: draft.canDeleteAllObjects,
    canDestroyAllObjects: draft.canDestroyAllObjects,
    objectRules: draft.objectRules as RoleDefinition["objectRules"],
    fieldRules: draft.fieldRules,
    settingsAllAccess: draft.settingsAllAccess,
    settings: draft.settings,
    actionsAllAccess: draft.actionsAllAccess,
    actions: draft.actions,
    assignableTo: { member: draft.assignableToMembers, apiKey: draft.assignableToApiKeys, agent: draft.assignableToAgents },
  };
}
