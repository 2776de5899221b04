/**
 * The switch tables of the role model (./model.ts): what each boolean of a role is called — the
 * same name in the engine's input, the editor's draft, role files and the Role and
 * ObjectPermission columns. Below ./types.ts: it reads only the vocabularies of ./constants.ts.
 */
import { OBJECT_ACTIONS, PRINCIPAL_KINDS } from "./constants";

type ObjectAction = (typeof OBJECT_ACTIONS)[number];
type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

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
