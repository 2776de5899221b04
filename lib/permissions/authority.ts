/**
 * Delegated administration (SPEC §11), after Kubernetes RBAC's escalation rule: nobody grants
 * what they do not hold. An actor's authority is their own effective permissions; a role (or a
 * draft) is within it when every permission it grants is also the actor's.
 *
 * Both sides are compared through the JSON view of `EffectivePermissions` (not the fast index),
 * so the browser can run the same comparison on a serialised copy to disable what would exceed.
 */
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import type { RecordRule } from "./record-rule";
import type { ActionPermission, ObjectAction, SettingsPermission } from "./types";

type Flag = { readonly value: boolean };

/** The part of `EffectivePermissions` that authority reads; survives JSON.stringify. */
export interface PermissionView {
  readonly isAdmin: boolean;
  readonly objects: Readonly<
    Record<
      string,
      Readonly<Record<ObjectAction, Flag>> & {
        readonly fields: Readonly<Record<string, { readonly see: Flag; readonly edit: Flag }>>;
        /** SPEC §13: absent in views that predate record-level rules (all records). */
        readonly records?: { readonly rule: RecordRule };
      }
    >
  >;
  readonly settings: Readonly<Record<SettingsPermission, Flag>>;
  readonly actions: Readonly<Record<ActionPermission, Flag>>;
}

/** One permission a role grants beyond the actor's own, located precisely enough to name it. */
export type ExceedingPermission =
  | { readonly kind: "admin" }
  | { readonly kind: "object"; readonly action: ObjectAction; readonly object: string }
  | { readonly kind: "field"; readonly action: "see" | "edit"; readonly object: string; readonly field: string }
  | { readonly kind: "setting"; readonly key: SettingsPermission }
  | { readonly kind: "action"; readonly key: ActionPermission };

/**
 * Every permission `role` grants that `actor` lacks, in display order (objects and their fields
 * first, then settings, then actions). Empty when the role is within the actor's authority.
 * An Admin actor holds everything; a non-Admin never has authority over the Admin role.
 */
export function exceedingPermissions(role: PermissionView, actor: PermissionView): ExceedingPermission[] {
  if (actor.isAdmin) return [];
  if (role.isAdmin) return [{ kind: "admin" }];

  const exceeding: ExceedingPermission[] = [];
  for (const [object, granted] of Object.entries(role.objects)) {
    const held = Object.hasOwn(actor.objects, object) ? actor.objects[object] : undefined;
    for (const action of OBJECT_ACTIONS) {
      if (granted[action].value && !held?.[action].value) exceeding.push({ kind: "object", action, object });
    }
    // Records beyond the actor's record-level rule are records the actor cannot see: named as See.
    if (granted.see.value && held?.see.value && !recordRuleWithin(granted.records?.rule, held.records?.rule)) {
      exceeding.push({ kind: "object", action: "see", object });
    }
    const objectEditExceeds = granted.edit.value && !held?.edit.value;
    for (const [field, fieldGrant] of Object.entries(granted.fields)) {
      const heldField = held && Object.hasOwn(held.fields, field) ? held.fields[field] : undefined;
      // A field beyond the object's own excess says nothing new: the object line names it.
      if (fieldGrant.see.value && !heldField?.see.value && held?.see.value) exceeding.push({ kind: "field", action: "see", object, field });
      if (fieldGrant.edit.value && !heldField?.edit.value && heldField?.see.value && !objectEditExceeds) exceeding.push({ kind: "field", action: "edit", object, field });
    }
  }
  for (const key of SETTINGS_PERMISSIONS) {
    if (role.settings[key].value && !actor.settings[key].value) exceeding.push({ kind: "setting", key });
  }
  for (const key of ACTION_PERMISSIONS) {
    if (role.actions[key].value && !actor.actions[key].value) exceeding.push({ kind: "action", key });
  }
  return exceeding;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Does `rule` reach only records `bound` reaches, for every principal? Decided syntactically and
 * conservatively (a rule that might reach more is treated as reaching more): identical rules; a
 * bound of "all conditions" whose every condition the rule also requires; a bound of "any
 * condition" one of whose conditions the rule requires.
 */
export function recordRuleWithin(rule: RecordRule | undefined, bound: RecordRule | undefined): boolean {
  if (!bound || bound.mode === "all") return true;
  if (!rule || rule.mode === "all") return false;
  if (same(rule, bound)) return true;
  if (rule.join !== "all") return false;
  const required = (condition: unknown) => rule.conditions.some((candidate) => same(candidate, condition));
  return bound.join === "all" ? bound.conditions.every(required) : bound.conditions.some(required);
}

export function isWithinAuthority(role: PermissionView, actor: PermissionView): boolean {
  return exceedingPermissions(role, actor).length === 0;
}
