/**
 * The one model of a role (issue 9): which switches a role has, what each is called in a role
 * file, the editor's draft and the database, and its zod schema. Every shape of a role (engine
 * input, editor draft, role file, Prisma row) uses these key names, so a switch is listed here
 * once and everything else iterates the tables. Pure: no I/O.
 */
import { z } from "zod";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, PRINCIPAL_KINDS, SETTINGS_PERMISSIONS } from "./constants";
import { RECORD_RULE_OPERATORS, type RecordRule } from "./record-rule";
import type { ActionPermission, ObjectAction, PrincipalKind, RoleDefinition, SettingsPermission } from "./types";

/** The "All objects" baseline: one boolean per object action (Role columns of the same name). */
export const BASELINE_SWITCHES = {
  see: "canSeeAllObjects",
  create: "canCreateAllObjects",
  edit: "canEditAllObjects",
  delete: "canDeleteAllObjects",
  destroy: "canDestroyAllObjects",
} as const satisfies Record<ObjectAction, string>;

/** An object rule's override of one action (ObjectPermission columns of the same name). */
export const RULE_SWITCHES = {
  see: "canSee",
  create: "canCreate",
  edit: "canEdit",
  delete: "canDelete",
  destroy: "canDestroy",
} as const satisfies Record<ObjectAction, string>;

/** Who may hold the role (Role columns of the same name). */
export const ASSIGNABLE_SWITCHES = {
  member: "assignableToMembers",
  apiKey: "assignableToApiKeys",
  agent: "assignableToAgents",
} as const satisfies Record<PrincipalKind, string>;

/** "All settings" / "All actions": the listed keys are then redundant (Role columns of the same name). */
export const ALL_ACCESS_SWITCHES = ["settingsAllAccess", "actionsAllAccess"] as const;

export type BaselineKey = (typeof BASELINE_SWITCHES)[ObjectAction];
export type RuleKey = (typeof RULE_SWITCHES)[ObjectAction];
export type AssignableKey = (typeof ASSIGNABLE_SWITCHES)[PrincipalKind];
export type AllAccessKey = (typeof ALL_ACCESS_SWITCHES)[number];
/** Every boolean of a role besides isAdmin, each a Role column of the same name. */
export type RoleSwitchKey = BaselineKey | AllAccessKey | AssignableKey;

export const BASELINE_KEYS: readonly BaselineKey[] = OBJECT_ACTIONS.map((action) => BASELINE_SWITCHES[action]);
export const ASSIGNABLE_KEYS: readonly AssignableKey[] = PRINCIPAL_KINDS.map((kind) => ASSIGNABLE_SWITCHES[kind]);
/** In role-file order: baseline, the two all-access switches, then who may hold the role. */
export const ROLE_SWITCH_KEYS: readonly RoleSwitchKey[] = [...BASELINE_KEYS, ...ALL_ACCESS_SWITCHES, ...ASSIGNABLE_KEYS];

/** The actions that need See: turning See off turns them off, turning one on turns See on. */
export const SEE_DEPENDENT_ACTIONS = OBJECT_ACTIONS.filter((action): action is Exclude<ObjectAction, "see"> => action !== "see");

// ---------------------------------------------------------------------------------------------
// zod: the role file / editor draft schema, built from the tables above.
// ---------------------------------------------------------------------------------------------

const override = z.boolean().nullable();
const key = z.string().min(1).max(100);

/** SPEC §13: the shape of a record-level rule; the engine checks fields, operators and values against the schema. */
const ruleScalar = z.union([z.string().max(2_000), z.number().finite(), z.boolean()]);
export const recordConditionSchema = z.strictObject({
  field: key,
  operator: z.enum(RECORD_RULE_OPERATORS),
  value: z
    .union([ruleScalar, z.array(z.union([z.string().max(2_000), z.number().finite()])).max(100), z.strictObject({ me: z.literal(true) }), z.null()])
    .optional(),
});
export const recordRuleSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("all") }),
  z.strictObject({ mode: z.literal("match"), join: z.enum(["all", "any"]), conditions: z.array(recordConditionSchema).max(20) }),
]);

function booleans<K extends string>(keys: readonly K[], value: z.ZodType) {
  return Object.fromEntries(keys.map((name) => [name, value])) as Record<K, typeof value>;
}

export const objectRuleSchema = z.object({
  object: key,
  ...(booleans(OBJECT_ACTIONS.map((action) => RULE_SWITCHES[action]), override) as Record<RuleKey, typeof override>),
  /** Absent or null: all records. */
  recordRule: recordRuleSchema.nullable().optional(),
});

export const fieldRuleSchema = z.object({ object: key, field: key, canSee: override, canEdit: override });

const flag = z.boolean();

/** A role's permissions without its name: what a role file carries under `role`, minus the texts. */
const roleContentShape = {
  ...(booleans(BASELINE_KEYS, flag) as Record<BaselineKey, typeof flag>),
  settingsAllAccess: flag,
  settings: z.array(z.enum(SETTINGS_PERMISSIONS)).max(SETTINGS_PERMISSIONS.length),
  actionsAllAccess: flag,
  actions: z.array(z.enum(ACTION_PERMISSIONS)).max(ACTION_PERMISSIONS.length),
  ...(booleans(ASSIGNABLE_KEYS, flag) as Record<AssignableKey, typeof flag>),
  objectRules: z.array(objectRuleSchema).max(500),
  fieldRules: z.array(fieldRuleSchema).max(5000),
};

/**
 * The editable shape of a role: the model plus its name, description and icon. What the editor
 * holds until Save, what the save action accepts, what a role file and a history version hold.
 */
export const roleDraftSchema = z.object({
  // Length and uniqueness are checked by the engine so the message matches SPEC §8.
  name: z.string().max(1000),
  description: z.string().max(500),
  icon: z.string().min(1).max(40),
  ...roleContentShape,
});

export type RoleDraft = z.infer<typeof roleDraftSchema>;
export type ObjectRuleDraft = z.infer<typeof objectRuleSchema>;
export type FieldRuleDraft = z.infer<typeof fieldRuleSchema>;

/** The texts of a role, which the engine never reads. */
export const ROLE_TEXT_KEYS = ["name", "description", "icon"] as const;

// ---------------------------------------------------------------------------------------------
// Helpers that read and set switches by action or principal kind, never by hand-written name.
// ---------------------------------------------------------------------------------------------

/** The "All objects" switches, each given by its action. */
export function baselineFrom<Value = boolean>(value: (action: ObjectAction) => Value): Record<BaselineKey, Value> {
  return Object.fromEntries(OBJECT_ACTIONS.map((action) => [BASELINE_SWITCHES[action], value(action)])) as Record<BaselineKey, Value>;
}

/** `{ canSeeAllObjects: true, … }` for the listed actions, false for the others. */
export function allObjects(...actions: readonly ObjectAction[]): Record<BaselineKey, boolean> {
  return baselineFrom((action) => actions.includes(action));
}

/** `{ assignableToMembers: true, … }` for the listed kinds, false for the others. */
export function assignableTo(...kinds: readonly PrincipalKind[]): Record<AssignableKey, boolean> {
  return Object.fromEntries(PRINCIPAL_KINDS.map((kind) => [ASSIGNABLE_SWITCHES[kind], kinds.includes(kind)])) as Record<AssignableKey, boolean>;
}

/** Takes a role's switches, by the model's names, from any object that has them (a Prisma row, a draft). */
export function pickSwitches(source: Readonly<Record<RoleSwitchKey, boolean>>): Record<RoleSwitchKey, boolean> {
  return Object.fromEntries(ROLE_SWITCH_KEYS.map((name) => [name, source[name]])) as Record<RoleSwitchKey, boolean>;
}

// ---------------------------------------------------------------------------------------------
// Seeds: the short way built-in roles, fixtures and test factories write a role.
// ---------------------------------------------------------------------------------------------

type SeedRule = { object: string; recordRule?: RecordRule | null } & { [K in RuleKey]?: boolean | null };

/** A role with only what differs from "nothing granted" spelled out; `seedToRole` fills the rest. */
export type RoleSeed = {
  name: string;
  description?: string;
  icon?: string;
  isAdmin?: boolean;
  settings?: SettingsPermission[];
  actions?: ActionPermission[];
  /** A rule's absent create equals its edit, like the migration that introduced it (SPEC §13). */
  objectRules?: SeedRule[];
  fieldRules?: { object: string; field: string; canSee?: boolean | null; canEdit?: boolean | null }[];
} & { [K in RoleSwitchKey]?: boolean };

/** The complete role a seed describes: a draft plus isAdmin, ready for the store or the engine. */
export type SeededRole = RoleDraft & { isAdmin: boolean };

/**
 * Defaults: every switch off, except create which follows edit (every role that predates the
 * Create switch created whenever it edited) and the assignable switches, on except Admin to agents.
 */
export function seedToRole(seed: RoleSeed): SeededRole {
  const isAdmin = seed.isAdmin ?? false;
  const baseline = Object.fromEntries(OBJECT_ACTIONS.map((action) => [BASELINE_SWITCHES[action], seed[BASELINE_SWITCHES[action]] ?? false]));
  baseline[BASELINE_SWITCHES.create] = seed[BASELINE_SWITCHES.create] ?? seed[BASELINE_SWITCHES.edit] ?? false;
  const assignable = Object.fromEntries(PRINCIPAL_KINDS.map((kind) => [ASSIGNABLE_SWITCHES[kind], seed[ASSIGNABLE_SWITCHES[kind]] ?? !(isAdmin && kind === "agent")]));
  return {
    name: seed.name,
    description: seed.description ?? "",
    icon: seed.icon ?? "user",
    isAdmin,
    ...(baseline as Record<BaselineKey, boolean>),
    settingsAllAccess: seed.settingsAllAccess ?? false,
    settings: seed.settings ?? [],
    actionsAllAccess: seed.actionsAllAccess ?? false,
    actions: seed.actions ?? [],
    ...(assignable as Record<AssignableKey, boolean>),
    objectRules: (seed.objectRules ?? []).map(({ object, recordRule, ...switches }) => {
      const rule = { object, ...(Object.fromEntries(OBJECT_ACTIONS.map((action) => [RULE_SWITCHES[action], switches[RULE_SWITCHES[action]] ?? null])) as Record<RuleKey, boolean | null>) };
      if (switches[RULE_SWITCHES.create] === undefined) rule[RULE_SWITCHES.create] = switches[RULE_SWITCHES.edit] ?? null;
      return recordRule && recordRule.mode === "match" ? { ...rule, recordRule: recordRule as ObjectRuleDraft["recordRule"] } : rule;
    }),
    fieldRules: (seed.fieldRules ?? []).map((rule) => ({ object: rule.object, field: rule.field, canSee: rule.canSee ?? null, canEdit: rule.canEdit ?? null })),
  };
}

/** The engine's input for a draft: the same keys, without the texts. */
export function draftToDefinition(draft: RoleDraft, isAdmin = false): RoleDefinition {
  const { name: _name, description: _description, icon: _icon, ...content } = draft;
  return { isAdmin, ...content } as RoleDefinition;
}
