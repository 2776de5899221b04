/**
 * Edits of a role draft that keep it consistent, as the editor's switches promise (SPEC §2.1):
 * turning See off turns the other switches off; turning Create, Edit, Delete or Destroy on turns
 * See on. Pure functions: the editor calls them, tests pin them down. The server still validates
 * every saved draft with the permission engine.
 */
import type { ObjectAction } from "@/lib/permissions";
import type { FieldRuleDraft, ObjectRuleDraft, RoleDraft } from "./draft";

export type FieldAccess = "see" | "edit" | "none";

const BASELINE_KEYS = {
  see: "canSeeAllObjects",
  create: "canCreateAllObjects",
  edit: "canEditAllObjects",
  delete: "canDeleteAllObjects",
  destroy: "canDestroyAllObjects",
} as const satisfies Record<ObjectAction, keyof RoleDraft>;

const RULE_KEYS = {
  see: "canSee",
  create: "canCreate",
  edit: "canEdit",
  delete: "canDelete",
  destroy: "canDestroy",
} as const satisfies Record<ObjectAction, keyof ObjectRuleDraft>;

const SEE_DEPENDENT: readonly ObjectAction[] = ["create", "edit", "delete", "destroy"];

export function baselineValue(draft: RoleDraft, action: ObjectAction): boolean {
  return draft[BASELINE_KEYS[action]];
}

export function findObjectRule(draft: RoleDraft, object: string): ObjectRuleDraft | undefined {
  return draft.objectRules.find((rule) => rule.object === object);
}

/** The rule's own setting for one switch; null when it inherits. */
export function ruleOverride(rule: ObjectRuleDraft | undefined, action: ObjectAction): boolean | null {
  return rule?.[RULE_KEYS[action]] ?? null;
}

/** The value an object rule's switch has once inheritance is applied. */
export function objectValue(draft: RoleDraft, object: string, action: ObjectAction): boolean {
  return findObjectRule(draft, object)?.[RULE_KEYS[action]] ?? baselineValue(draft, action);
}

/** Field grants on an object that cannot be seen would be rejected: fall back to inherit. */
function dropFieldGrantsOfHiddenObjects(draft: RoleDraft): RoleDraft {
  const fieldRules = draft.fieldRules.filter((rule) => objectValue(draft, rule.object, "see") || !(rule.canSee || rule.canEdit));
  return fieldRules.length === draft.fieldRules.length ? draft : { ...draft, fieldRules };
}

export function setBaseline(draft: RoleDraft, action: ObjectAction, value: boolean): RoleDraft {
  const next: RoleDraft = { ...draft, [BASELINE_KEYS[action]]: value };
  if (action === "see" && !value) {
    for (const dependent of SEE_DEPENDENT) next[BASELINE_KEYS[dependent]] = false;
    // A rule that explicitly grants a change keeps meaning it: its object stays visible.
    next.objectRules = next.objectRules.map((rule) =>
      rule.canSee === null && SEE_DEPENDENT.some((dependent) => rule[RULE_KEYS[dependent]] === true) ? { ...rule, canSee: true } : rule,
    );
    return dropFieldGrantsOfHiddenObjects(next);
  }
  if (action !== "see" && value) next.canSeeAllObjects = true;
  return next;
}

export function addObjectRule(draft: RoleDraft, object: string): RoleDraft {
  if (findObjectRule(draft, object)) return draft;
  const rule: ObjectRuleDraft = { object, canSee: null, canCreate: null, canEdit: null, canDelete: null, canDestroy: null };
  return { ...draft, objectRules: [...draft.objectRules, rule] };
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
  const base = addObjectRule(draft, object);
  const rule = { ...findObjectRule(base, object)!, [RULE_KEYS[action]]: value };
  if (action === "see" && value === false) {
    // Override only what would otherwise be inherited as allowed.
    for (const dependent of SEE_DEPENDENT) {
      if (rule[RULE_KEYS[dependent]] === true || (rule[RULE_KEYS[dependent]] === null && baselineValue(base, dependent))) {
        rule[RULE_KEYS[dependent]] = false;
      }
    }
  }
  if (action !== "see" && value === true && !(rule.canSee ?? base.canSeeAllObjects)) rule.canSee = true;
  const next = { ...base, objectRules: base.objectRules.map((candidate) => (candidate.object === object ? rule : candidate)) };
  return dropFieldGrantsOfHiddenObjects(next);
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
