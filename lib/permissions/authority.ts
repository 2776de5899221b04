/**
 * Delegated administration (SPEC §11, §16), after Kubernetes RBAC's escalation rule: nobody
 * grants what they do not hold. An actor's authority is their own effective permissions; a role
 * (or a draft) is within it when every permission it grants is also the actor's.
 *
 * Every vocabulary of the model is walked from its table (object actions, field actions,
 * settings, actions), so a permission the model gains is compared without a line here.
 * Both sides are compared through the JSON view of `EffectivePermissions` (not the fast index),
 * so the browser can run the same comparison on a serialised copy to disable what would exceed.
 */
import { ACTION_PERMISSIONS, FIELD_ACTIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { isMeValue, type RecordCondition, type RecordRule } from "./record-rule";
import type { ActionPermission, FieldAction, ObjectAction, SettingsPermission } from "./types";

type Flag = { readonly value: boolean };

/** The part of `EffectivePermissions` that authority reads; survives JSON.stringify. */
export interface PermissionView {
  readonly isAdmin: boolean;
  readonly objects: Readonly<
    Record<
      string,
      Readonly<Record<ObjectAction, Flag>> & {
        readonly fields: Readonly<Record<string, Readonly<Record<FieldAction, Flag>>>>;
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
  | { readonly kind: "field"; readonly action: FieldAction; readonly object: string; readonly field: string }
  | { readonly kind: "setting"; readonly key: SettingsPermission }
  | { readonly kind: "action"; readonly key: ActionPermission };

/**
 * Whom `Me` means on the bound's side of a comparison. `{ memberId }`: an actor's authority,
 * where Me is that one member (null for a key or agent: Me reaches nothing). `"holder"`: the
 * two sides are held by the same principal (a role against another role, as the diff compares
 * them), so Me means the same member on both.
 */
export type BoundMe = { readonly memberId: string | null } | "holder";

/**
 * Every permission `role` grants that `actor` lacks, in display order (objects and their fields
 * first, then settings, then actions). Empty when the role is within the actor's authority.
 * An Admin actor holds everything; a non-Admin never has authority over the Admin role.
 *
 * `actorMemberId` is the acting member (null for a key or agent): a rule about `Me` in the
 * actor's role reaches that member's records, while the same rule in the role granted reaches
 * each holder's own, so it is not within the actor's (SPEC §16).
 */
export function exceedingPermissions(role: PermissionView, actor: PermissionView, actorMemberId: string | null): ExceedingPermission[] {
  if (actor.isAdmin) return [];
  return grantsBeyond(role, actor, { memberId: actorMemberId });
}

/** `exceedingPermissions` with the bound's `Me` chosen by the caller (see BoundMe). */
export function grantsBeyond(role: PermissionView, bound: PermissionView, boundMe: BoundMe): ExceedingPermission[] {
  if (bound.isAdmin) return [];
  if (role.isAdmin) return [{ kind: "admin" }];

  const exceeding: ExceedingPermission[] = [];
  for (const [object, granted] of Object.entries(role.objects)) {
    const held = Object.hasOwn(bound.objects, object) ? bound.objects[object] : undefined;
    const objectExceeds = new Set<ObjectAction>();
    for (const action of OBJECT_ACTIONS) {
      if (granted[action].value && !held?.[action].value) {
        objectExceeds.add(action);
        exceeding.push({ kind: "object", action, object });
      }
    }
    // Records beyond the bound's record-level rule are records it cannot see: named as See.
    if (granted.see.value && held?.see.value && !recordRuleWithin(granted.records?.rule, held.records?.rule, boundMe)) {
      exceeding.push({ kind: "object", action: "see", object });
    }
    for (const [field, fieldGrant] of Object.entries(granted.fields)) {
      const heldField = held && Object.hasOwn(held.fields, field) ? held.fields[field] : undefined;
      for (const action of FIELD_ACTIONS) {
        if (!fieldGrant[action]?.value || heldField?.[action]?.value) continue;
        // Said already: the object's own line names the action, or (for create and edit) the
        // field's See line names a field the bound cannot even read.
        if (objectExceeds.has(action)) continue;
        if (action !== "see" && !heldField?.see.value) continue;
        exceeding.push({ kind: "field", action, object, field });
      }
    }
  }
  for (const key of SETTINGS_PERMISSIONS) {
    if (role.settings[key].value && !bound.settings[key].value) exceeding.push({ kind: "setting", key });
  }
  for (const key of ACTION_PERMISSIONS) {
    if (role.actions[key].value && !bound.actions[key].value) exceeding.push({ kind: "action", key });
  }
  return exceeding;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The bound's conditions with its `Me` made concrete; null for a condition that reaches nothing. */
function concreteBound(condition: RecordCondition, boundMe: BoundMe): RecordCondition | null {
  if (boundMe === "holder" || !isMeValue(condition.value)) return condition;
  if (boundMe.memberId === null) return null;
  return { ...condition, value: boundMe.memberId };
}

/**
 * Does `rule` reach only records `bound` reaches, for every principal that may hold `rule`?
 * Decided syntactically and conservatively (a rule that might reach more is treated as reaching
 * more): identical rules; a bound of "all conditions" whose every condition the rule also
 * requires; a bound of "any condition" one of whose conditions the rule requires. With a
 * concrete `Me` on the bound's side, the rule's own `Me` (whoever holds it) never matches it:
 * only a literal condition on that member's id does.
 */
export function recordRuleWithin(rule: RecordRule | undefined, bound: RecordRule | undefined, boundMe: BoundMe): boolean {
  if (!bound || bound.mode === "all") return true;
  if (!rule || rule.mode === "all") return false;
  const conditions = bound.conditions.map((condition) => concreteBound(condition, boundMe));
  const reachable = conditions.filter((condition): condition is RecordCondition => condition !== null);
  // "All of" with a condition that reaches nothing reaches nothing; "any of" drops it.
  if (bound.join === "all" && reachable.length < conditions.length) return false;
  if (same(rule, { ...bound, conditions: reachable })) return true;
  if (rule.join !== "all") return false;
  const required = (condition: RecordCondition) => rule.conditions.some((candidate) => same(candidate, condition));
  return bound.join === "all" ? reachable.every(required) : reachable.some(required);
}

export function isWithinAuthority(role: PermissionView, actor: PermissionView, actorMemberId: string | null): boolean {
  return exceedingPermissions(role, actor, actorMemberId).length === 0;
}
