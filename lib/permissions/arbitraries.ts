/**
 * Test support: fast-check arbitraries of role definitions, built from the model's tables so
 * that the property tests share one generator and name no switch by hand. Not imported by the
 * application.
 */
import fc from "fast-check";
import { OBJECT_ACTIONS } from "./constants";
import { ASSIGNABLE_SWITCHES, BASELINE_KEYS, RULE_SWITCHES, type AssignableKey, type BaselineKey, type RuleKey } from "./model";
import type { FieldRule, ObjectAction, ObjectRule, Override, RoleDefinition } from "./types";

export const overrideArb: fc.Arbitrary<Override> = fc.constantFrom(true, false, null);

function record<K extends string, V>(keys: readonly K[], value: fc.Arbitrary<V>): fc.Arbitrary<Record<K, V>> {
  return fc.record(Object.fromEntries(keys.map((name) => [name, value])) as Record<K, fc.Arbitrary<V>>) as fc.Arbitrary<Record<K, V>>;
}

/** Every "All objects" switch, each true or false. */
export const baselineArb: fc.Arbitrary<Record<BaselineKey, boolean>> = record(BASELINE_KEYS, fc.boolean());

/** Members and API keys at random; never agents, so that an Admin stays valid. */
export const assignableArb: fc.Arbitrary<Record<AssignableKey, boolean>> = fc.record({
  [ASSIGNABLE_SWITCHES.member]: fc.boolean(),
  [ASSIGNABLE_SWITCHES.apiKey]: fc.boolean(),
  [ASSIGNABLE_SWITCHES.agent]: fc.constant(false),
}) as fc.Arbitrary<Record<AssignableKey, boolean>>;

/** An object rule on one of `objects`, overriding the given actions (all by default). */
export function objectRuleArb(objects: fc.Arbitrary<string>, override: fc.Arbitrary<Override> = overrideArb, actions: readonly ObjectAction[] = OBJECT_ACTIONS): fc.Arbitrary<ObjectRule> {
  const switches = record(actions.map((action): RuleKey => RULE_SWITCHES[action]), override);
  return fc.tuple(objects, switches).map(([object, rule]) => ({ object, ...rule }));
}

export interface RoleArbOptions {
  isAdmin: fc.Arbitrary<boolean>;
  objectRule: fc.Arbitrary<ObjectRule>;
  fieldRule: fc.Arbitrary<FieldRule>;
  /** Field rules are unique per (object, field) unless told otherwise. */
  fieldRuleKey?: (rule: FieldRule) => string;
  maxFieldRules?: number;
  settings: readonly string[];
  actions: readonly string[];
}

/** Unique rules per target: duplicates are a validation error whose resolution is tested apart. */
export function roleArb(options: RoleArbOptions): fc.Arbitrary<RoleDefinition> {
  return fc
    .record({
      isAdmin: options.isAdmin,
      baseline: baselineArb,
      objectRules: fc.uniqueArray(options.objectRule, { selector: (rule) => rule.object }),
      fieldRules: fc.uniqueArray(options.fieldRule, {
        selector: options.fieldRuleKey ?? ((rule) => `${rule.object}.${rule.field}`),
        ...(options.maxFieldRules !== undefined ? { maxLength: options.maxFieldRules } : {}),
      }),
      settingsAllAccess: fc.boolean(),
      settings: fc.subarray([...options.settings]),
      actionsAllAccess: fc.boolean(),
      actions: fc.subarray([...options.actions]),
      assignable: assignableArb,
    })
    .map(({ baseline, assignable, ...rest }) => ({ ...rest, ...baseline, ...assignable }));
}
