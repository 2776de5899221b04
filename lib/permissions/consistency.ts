/**
 * The rules between a role's switches (SPEC §2.1), as the editor applies them while a person
 * edits and as `validateRoleDefinition` checks them on the server: one source, so the browser
 * and the server cannot disagree. Turning See off turns the switches that need it off; turning
 * Create, Edit, Delete or Destroy on turns See on. Generic over the role's shape (engine
 * definition or editor draft): only the model's keys are read and written.
 */
import { BASELINE_SWITCHES, RULE_SWITCHES, SEE_DEPENDENT_ACTIONS, type BaselineKey, type RuleKey } from "./model";
import type { ObjectAction, Override } from "./types";

type RuleSwitches = { readonly object: string } & { readonly [K in RuleKey]?: Override };
type FieldSwitches = { readonly object: string; readonly canSee?: Override; readonly canEdit?: Override };

/** What the consistency rules read of a role: its baseline, object rules and field rules. */
export type RoleRules = { readonly [K in BaselineKey]: boolean } & {
  readonly objectRules: readonly RuleSwitches[];
  readonly fieldRules: readonly FieldSwitches[];
};

/** The "All objects" value of one action. */
export function baselineValue(role: Pick<RoleRules, BaselineKey>, action: ObjectAction): boolean {
  return role[BASELINE_SWITCHES[action]];
}

/** The rule's own setting for one action; null when it inherits. */
export function ruleOverride(rule: RuleSwitches | undefined, action: ObjectAction): boolean | null {
  return rule?.[RULE_SWITCHES[action]] ?? null;
}

/** The value of an action on an object once inheritance is applied ("Inherited" shows this). */
export function inheritedValue(role: Pick<RoleRules, BaselineKey>, rule: RuleSwitches | undefined, action: ObjectAction): boolean {
  return ruleOverride(rule, action) ?? baselineValue(role, action);
}

export function findObjectRule<Rule extends RuleSwitches>(role: { readonly objectRules: readonly Rule[] }, object: string): Rule | undefined {
  return role.objectRules.find((rule) => rule.object === object);
}

/** The value of an action on an object of the role, inheritance applied. */
export function objectValue(role: RoleRules, object: string, action: ObjectAction): boolean {
  return inheritedValue(role, findObjectRule(role, object), action);
}

/** The actions that need See and are on without it: what validation reports as EDIT_WITHOUT_SEE. */
export function baselineWithoutSee(role: Pick<RoleRules, BaselineKey>): ObjectAction[] {
  if (baselineValue(role, "see")) return [];
  return SEE_DEPENDENT_ACTIONS.filter((action) => baselineValue(role, action));
}

/**
 * The actions an object rule turns on without See. Only what the rule causes: a value it sets,
 * or an inherited one its see=false makes invalid; a purely inherited problem is the baseline's.
 */
export function ruleWithoutSee(role: Pick<RoleRules, BaselineKey>, rule: RuleSwitches): ObjectAction[] {
  if (inheritedValue(role, rule, "see")) return [];
  return SEE_DEPENDENT_ACTIONS.filter((action) => {
    const touchesPair = ruleOverride(rule, "see") !== null || ruleOverride(rule, action) !== null;
    return touchesPair && inheritedValue(role, rule, action);
  });
}

/** Field grants on an object that cannot be seen would be rejected: they fall back to inherit. */
function dropFieldGrantsOfHiddenObjects<Role extends RoleRules>(role: Role): Role {
  const fieldRules = role.fieldRules.filter((rule) => objectValue(role, rule.object, "see") || !(rule.canSee || rule.canEdit));
  return fieldRules.length === role.fieldRules.length ? role : { ...role, fieldRules };
}

/** Sets one "All objects" switch and keeps the role consistent. */
export function setBaselineSwitch<Role extends RoleRules>(role: Role, action: ObjectAction, value: boolean): Role {
  const next: Record<string, unknown> = { ...role, [BASELINE_SWITCHES[action]]: value };
  if (action === "see" && !value) {
    for (const dependent of SEE_DEPENDENT_ACTIONS) next[BASELINE_SWITCHES[dependent]] = false;
    // A rule that explicitly grants a change keeps meaning it: its object stays visible.
    next.objectRules = role.objectRules.map((rule) =>
      rule.canSee === null && SEE_DEPENDENT_ACTIONS.some((dependent) => ruleOverride(rule, dependent) === true) ? { ...rule, canSee: true } : rule,
    );
    return dropFieldGrantsOfHiddenObjects(next as Role);
  }
  if (action !== "see" && value) {
    next[BASELINE_SWITCHES.see] = true;
    // An object rule that hides its object keeps it hidden: the action it would now inherit
    // without See is turned off on it, as setObjectRuleSwitch does when See is turned off.
    next.objectRules = role.objectRules.map((rule) =>
      ruleOverride(rule, "see") === false && ruleOverride(rule, action) === null ? { ...rule, [RULE_SWITCHES[action]]: false } : rule,
    );
  }
  return next as Role;
}

/** An object rule that inherits every action. */
export function emptyObjectRule(object: string): { object: string } & Record<RuleKey, null> {
  return { object, ...(Object.fromEntries(Object.values(RULE_SWITCHES).map((name) => [name, null])) as Record<RuleKey, null>) };
}

export function withObjectRule<Role extends RoleRules>(role: Role, object: string): Role {
  if (findObjectRule(role, object)) return role;
  return { ...role, objectRules: [...role.objectRules, emptyObjectRule(object)] };
}

/** Sets (or with null, clears) one action of an object rule and keeps the role consistent. */
export function setObjectRuleSwitch<Role extends RoleRules>(role: Role, object: string, action: ObjectAction, value: boolean | null): Role {
  const base = withObjectRule(role, object);
  const rule: Record<string, unknown> = { ...findObjectRule(base, object)!, [RULE_SWITCHES[action]]: value };
  const read = rule as RuleSwitches;
  if (action === "see" && value === false) {
    // Override only what would otherwise be inherited as allowed.
    for (const dependent of SEE_DEPENDENT_ACTIONS) {
      const own = ruleOverride(read, dependent);
      if (own === true || (own === null && baselineValue(base, dependent))) rule[RULE_SWITCHES[dependent]] = false;
    }
  }
  if (action !== "see" && value === true && !inheritedValue(base, read, "see")) rule[RULE_SWITCHES.see] = true;
  const next = { ...base, objectRules: base.objectRules.map((candidate) => (candidate.object === object ? read : candidate)) };
  return dropFieldGrantsOfHiddenObjects(next);
}
