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
  /** With several grants (SPEC §17): each grant's own view; the rest is their union. */
  readonly grants?: readonly { readonly permissions: PermissionView }[];
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

/**
 * `exceedingPermissions` with the bound's `Me` chosen by the caller (see BoundMe). Either side
 * may hold several grants (SPEC §17): a permission the role gives is within the bound when one of
 * the bound's grants holds it on every record the role's grant gives it on, so a grant that sees
 * all deals and another that edits only one's own do not add up to editing all deals.
 */
export function grantsBeyond(role: PermissionView, bound: PermissionView, boundMe: BoundMe): ExceedingPermission[] {
  const roleParts = viewParts(role);
  const boundParts = viewParts(bound);
  if (boundParts.some((part) => part.isAdmin)) return [];
  if (roleParts.some((part) => part.isAdmin)) return [{ kind: "admin" }];
  if (roleParts.length === 1 && boundParts.length === 1) return singleGrantBeyond(role, bound, boundMe);

  const exceeding = new Set<string>();
  for (const granted of roleParts) {
    const perBound = boundParts.map((held) => atomicBeyond(granted, held, boundMe));
    for (const key of perBound[0]) if (perBound.every((keys) => keys.has(key))) exceeding.add(key);
  }
  return displayItems(roleParts, exceeding);
}

function viewParts(view: PermissionView): readonly PermissionView[] {
  return view.grants?.map((part) => part.permissions) ?? [view];
}

const objectKey = (object: string, action: ObjectAction) => `object|${object}|${action}`;
const fieldKey = (object: string, action: FieldAction, field: string) => `field|${object}|${action}|${field}`;

/**
 * Every single permission `granted` (one grant) gives that `held` (one grant) does not hold on all
 * of the records it is given on, as keys. Where the records are beyond the held grant's, nothing
 * of that object is covered by it.
 */
function atomicBeyond(granted: PermissionView, held: PermissionView, boundMe: BoundMe): Set<string> {
  const keys = new Set<string>();
  for (const [object, grantedObject] of Object.entries(granted.objects)) {
    const heldObject = Object.hasOwn(held.objects, object) ? held.objects[object] : undefined;
    const covered = grantedObject.see.value && heldObject?.see.value && recordRuleWithin(grantedObject.records?.rule, heldObject.records?.rule, boundMe);
    for (const action of OBJECT_ACTIONS) {
      if (grantedObject[action].value && (!covered || !heldObject?.[action].value)) keys.add(objectKey(object, action));
    }
    for (const [field, fieldGrant] of Object.entries(grantedObject.fields)) {
      const heldField = heldObject && Object.hasOwn(heldObject.fields, field) ? heldObject.fields[field] : undefined;
      for (const action of FIELD_ACTIONS) {
        if (fieldGrant[action]?.value && (!covered || !heldField?.[action]?.value)) keys.add(fieldKey(object, action, field));
      }
    }
  }
  for (const key of SETTINGS_PERMISSIONS) if (granted.settings[key].value && !held.settings[key].value) keys.add(`setting|${key}`);
  for (const key of ACTION_PERMISSIONS) if (granted.actions[key].value && !held.actions[key].value) keys.add(`action|${key}`);
  return keys;
}

/** The exceeding keys in reading order, each said once (a field's line adds nothing to its object's). */
function displayItems(roleParts: readonly PermissionView[], keys: ReadonlySet<string>): ExceedingPermission[] {
  const items: ExceedingPermission[] = [];
  const objects = [...new Set(roleParts.flatMap((part) => Object.keys(part.objects)))];
  for (const object of objects) {
    for (const action of OBJECT_ACTIONS) if (keys.has(objectKey(object, action))) items.push({ kind: "object", action, object });
    const fields = [...new Set(roleParts.flatMap((part) => Object.keys(part.objects[object]?.fields ?? {})))];
    for (const field of fields) {
      for (const action of FIELD_ACTIONS) {
        if (!keys.has(fieldKey(object, action, field)) || keys.has(objectKey(object, action))) continue;
        if (action !== "see" && (keys.has(fieldKey(object, "see", field)) || keys.has(objectKey(object, "see")))) continue;
        items.push({ kind: "field", action, object, field });
      }
    }
  }
  for (const key of SETTINGS_PERMISSIONS) if (keys.has(`setting|${key}`)) items.push({ kind: "setting", key });
  for (const key of ACTION_PERMISSIONS) if (keys.has(`action|${key}`)) items.push({ kind: "action", key });
  return items;
}

/** One grant against one grant: every permission beyond, named as the editor shows it. */
function singleGrantBeyond(role: PermissionView, bound: PermissionView, boundMe: BoundMe): ExceedingPermission[] {
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
  // Several grants together (SPEC §17): every alternative of the rule within some alternative of the bound.
  if (rule.mode === "anyOf") return rule.rules.every((part) => recordRuleWithin(part, bound, boundMe));
  if (bound.mode === "anyOf") return bound.rules.some((part) => recordRuleWithin(rule, part, boundMe));
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
