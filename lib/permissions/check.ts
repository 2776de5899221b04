/**
 * The hot path. These run on every record read and write, so they only read the fast index:
 * a Map lookup (two with a field) and a bit test, no allocation.
 */
import { FAST_INDEX, actionBit } from "./fast-index";
import type { ActionPermission, EffectivePermissions, ObjectAction, SettingsPermission } from "./types";

/**
 * May the role perform `action` on `object` (or on one of its fields)?
 * With a field, `see`/`create`/`edit` answer for that field (`create`: may it be given a value
 * when a record is created) and `delete`/`destroy` for the object.
 * Unknown objects, fields or actions are denied.
 */
/**
 * The index's key and the bit function, bound here once: a transpiled import (tsx, the test and
 * benchmark runners) is a getter on the module object, and reading two of them on every check cost
 * more than the check itself (about 44 against 18 ns).
 */
const INDEX: typeof FAST_INDEX = FAST_INDEX;
const bitOf = actionBit;

export function can(perms: EffectivePermissions, action: ObjectAction, object: string, field?: string): boolean {
  const entry = perms[INDEX].objects.get(object);
  if (entry === undefined) return false;
  const bit = bitOf(action);
  if (field === undefined) return (entry.mask & bit) !== 0;
  const fieldMask = entry.fieldMasks.get(field);
  return fieldMask !== undefined && (fieldMask & bit) !== 0;
}

export function canSetting(perms: EffectivePermissions, key: SettingsPermission): boolean {
  return perms[FAST_INDEX].grantedSettings.has(key);
}

export function canAction(perms: EffectivePermissions, key: ActionPermission): boolean {
  return perms[FAST_INDEX].grantedActions.has(key);
}

/** Fields the role can see, in schema order; empty for a hidden or unknown object. */
export function visibleFields(perms: EffectivePermissions, object: string): string[] {
  return perms[FAST_INDEX].objects.get(object)?.visibleFields.slice() ?? [];
}

/** Fields the role may set when it creates a record, in schema order; empty without create. */
export function creatableFields(perms: EffectivePermissions, object: string): string[] {
  return perms[FAST_INDEX].objects.get(object)?.creatableFields.slice() ?? [];
}

/** Fields the role can edit, in schema order; empty for a hidden or unknown object. */
export function editableFields(perms: EffectivePermissions, object: string): string[] {
  return perms[FAST_INDEX].objects.get(object)?.editableFields.slice() ?? [];
}
