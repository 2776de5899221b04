import { ACTION_PERMISSIONS, SETTINGS_PERMISSIONS } from "./constants";
import { FAST_INDEX, buildObjectIndexEntry, type ObjectIndexEntry } from "./fast-index";
import { resolveObject, resolveObjectForAdmin } from "./resolve-object";
import { resolved } from "./resolved-value";
import type {
  EffectivePermissions,
  FieldRule,
  ObjectPermissions,
  ObjectRule,
  ResolvedValue,
  RoleDefinition,
  WorkspaceSchema,
} from "./types";

/**
 * Computes everything a role allows in a schema, once. Resolve when the role or schema changes
 * (per request is fine: it takes microseconds), then answer any number of checks from the result.
 *
 * Rules for unknown objects or fields are ignored; if a definition holds duplicate rules the
 * last one wins. Both are reported by validateRoleDefinition, so only legacy data meets them.
 */
export function resolvePermissions(role: RoleDefinition, schema: WorkspaceSchema): EffectivePermissions {
  const objectRules = indexObjectRules(role.objectRules);
  const fieldRules = indexFieldRules(role.fieldRules);

  const objectViews: [string, ObjectPermissions][] = [];
  const objectIndex = new Map<string, ObjectIndexEntry>();
  for (const object of schema.objects) {
    const view = role.isAdmin
      ? resolveObjectForAdmin(object)
      : resolveObject(role, object, objectRules.get(object.name), fieldRules.get(object.name));
    objectViews.push([object.name, view]);
    objectIndex.set(object.name, buildObjectIndexEntry(object, view));
  }

  const grantedSettings = grantedKeys(SETTINGS_PERMISSIONS, role.isAdmin || role.settingsAllAccess, role.settings);
  const grantedActions = grantedKeys(ACTION_PERMISSIONS, role.isAdmin || role.actionsAllAccess, role.actions);

  return {
    isAdmin: role.isAdmin,
    settingsAllAccess: role.settingsAllAccess,
    actionsAllAccess: role.actionsAllAccess,
    // fromEntries defines own properties, so even an object named "__proto__" stays a plain key.
    objects: Object.fromEntries(objectViews),
    settings: keyedView(SETTINGS_PERMISSIONS, grantedSettings, role.isAdmin),
    actions: keyedView(ACTION_PERMISSIONS, grantedActions, role.isAdmin),
    [FAST_INDEX]: { objects: objectIndex, grantedSettings, grantedActions },
  };
}

function indexObjectRules(rules: readonly ObjectRule[]): Map<string, ObjectRule> {
  return new Map(rules.map((rule) => [rule.object, rule]));
}

function indexFieldRules(rules: readonly FieldRule[]): Map<string, Map<string, FieldRule>> {
  const byObject = new Map<string, Map<string, FieldRule>>();
  for (const rule of rules) {
    let byField = byObject.get(rule.object);
    if (byField === undefined) byObject.set(rule.object, (byField = new Map()));
    byField.set(rule.field, rule);
  }
  return byObject;
}

/** Only known keys are ever granted: an unknown stored key must not open anything. */
function grantedKeys<K extends string>(
  allKeys: readonly K[],
  allAccess: boolean,
  listed: readonly string[],
): ReadonlySet<K> {
  if (allAccess) return new Set(allKeys);
  const listedSet = new Set(listed);
  return new Set(allKeys.filter((key) => listedSet.has(key)));
}

/**
 * Settings and actions have no per-object levels; their non-admin source is 'baseline' (a
 * role-wide switch). `explain` tells "all access" apart from an individual grant.
 */
function keyedView<K extends string>(
  allKeys: readonly K[],
  granted: ReadonlySet<K>,
  isAdmin: boolean,
): Record<K, ResolvedValue> {
  const source = isAdmin ? "admin" : "baseline";
  return Object.fromEntries(allKeys.map((key) => [key, resolved(granted.has(key), source)])) as Record<
    K,
    ResolvedValue
  >;
}
