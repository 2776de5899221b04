/**
 * Edits of a role draft that keep it consistent, as the editor's switches promise (SPEC §2.1).
 * The rules themselves (turning See off turns the others off; turning Create, Edit, Delete or
 * Destroy on turns See on; what an "Inherited" switch shows) are the engine's
 * (lib/permissions/consistency.ts), the same functions the server's validation uses, so the
 * browser and the server cannot disagree. This module only adds the editor's own edits (field
 * access levels, revert, comparison) and names no switch itself.
 */
import {
  baselineValue,
  findObjectRule,
  objectValue,
  ruleOverride,
  setBaselineSwitch,
  setObjectRuleSwitch as setRuleSwitch,
  withObjectRule,
  type ObjectAction,
} from "@/lib/permissions";
import type { FieldRuleDraft, ObjectRuleDraft, RoleDraft } from "./draft";

export type FieldAccess = "see" | "edit" | "none";

export { baselineValue, findObjectRule, objectValue, ruleOverride };

export function setBaseline(draft: RoleDraft, action: ObjectAction, value: boolean): RoleDraft {
  return setBaselineSwitch(draft, action, value);
}

export function addObjectRule(draft: RoleDraft, object: string): RoleDraft {
  return withObjectRule(draft, object);
}

export function removeObjectRule(draft: RoleDraft, object: string): RoleDraft {
  return {
    ...draft,
    objectRules: draft.objectRules.filter((rule) => rule.object !== object),
    fieldRules: draft.fieldRules.filter((rule) => rule.object !== object),
  };
}

/** `null` removes the override: the switch inherits the baseline again. */
export function setObjectRuleSwitch(draft: RoleDraft, object: string, action: ObjectAction, value: boolean | null): RoleDraft {
  return setRuleSwitch(draft, object, action, value);
}

export function fieldRuleAccess(rule: Pick<FieldRuleDraft, "canSee" | "canEdit"> | undefined): FieldAccess | null {
  if (!rule || (rule.canSee === null && rule.canEdit === null)) return null;
  if (rule.canSee === false) return "none";
  return rule.canEdit ? "edit" : "see";
}

/** `null` removes the field's override. */
export function setFieldAccess(draft: RoleDraft, object: string, field: string, access: FieldAccess | null): RoleDraft {
  const others = draft.fieldRules.filter((rule) => !(rule.object === object && rule.field === field));
  if (access === null) return { ...draft, fieldRules: others };
  const rule: FieldRuleDraft = { object, field, canSee: access !== "none", canEdit: access === "edit" };
  return addObjectRule({ ...draft, fieldRules: [...others, rule] }, object);
}

/** Replaces everything about one object (its rule and field rules) with another draft's: "Revert". */
export function restoreObject(draft: RoleDraft, from: RoleDraft, object: string): RoleDraft {
  const rule = findObjectRule(from, object);
  return {
    ...draft,
    objectRules: [...draft.objectRules.filter((candidate) => candidate.object !== object), ...(rule ? [rule] : [])],
    fieldRules: [...draft.fieldRules.filter((candidate) => candidate.object !== object), ...from.fieldRules.filter((candidate) => candidate.object === object)],
  };
}

export function toggleKey<Key extends string>(keys: readonly Key[], key: Key, on: boolean): Key[] {
  const rest = keys.filter((candidate) => candidate !== key);
  return on ? [...rest, key] : rest;
}

/** Drafts compare equal regardless of the order of their rules and keys. */
export function sameDraft(a: RoleDraft, b: RoleDraft): boolean {
  return canonical(a) === canonical(b);
}

function canonical(draft: RoleDraft): string {
  return JSON.stringify({
    ...draft,
    settings: [...draft.settings].sort(),
    actions: [...draft.actions].sort(),
    objectRules: [...draft.objectRules].sort((x, y) => x.object.localeCompare(y.object)),
    fieldRules: [...draft.fieldRules].sort((x, y) => `${x.object}.${x.field}`.localeCompare(`${y.object}.${y.field}`)),
  });
}

/**
 * Sets the object's record-level rule (SPEC §13); null (or "all") goes back to all records. The
 * object rule is created when needed: the record-level rule lives on it.
 */
export function setRecordRule(draft: RoleDraft, object: string, recordRule: ObjectRuleDraft["recordRule"]): RoleDraft {
  const withRule = addObjectRule(draft, object);
  const stored = recordRule && recordRule.mode === "match" ? recordRule : null;
  return {
    ...withRule,
    objectRules: withRule.objectRules.map((rule) => {
      if (rule.object !== object) return rule;
      const { recordRule: _previous, ...rest } = rule;
      return stored ? { ...rest, recordRule: stored } : rest;
    }),
  };
}
