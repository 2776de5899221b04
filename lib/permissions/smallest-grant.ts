/**
 * The smallest grant (docs/reference.md §18): given what a principal holds and a check it was refused, the one
 * permission that would allow it and a permission set that holds exactly that, so a refusal can
 * say what would allow it (`Needs Edit records on People`) and an approved request can give it.
 *
 * "Smallest" is meant strictly, and the property tests hold it to it: the set allows the check
 * (on the record, when one is given); taking away any permission it grants refuses the check
 * again; and it gives the principal nothing beyond the permission asked for (and the See it
 * implies). So the set copies the record-level rule of the grant that already shows the record,
 * hides the fields the principal cannot see, and grants one switch, never a baseline.
 *
 * Pure: no I/O. The schema is read from the principal's own resolved view.
 */
import { can, canAction, canSetting } from "./check";
import { partsOf } from "./grants";
import { evaluatePredicate, recordRulePredicate, type RecordPrincipal, type StoredRecordRule } from "./record-rule";
import { resolvePermissions } from "./resolve";
import { combineGrants } from "./grants";
import type { ExceedingPermission } from "./authority";
import type {
  ActionPermission,
  EffectivePermissions,
  FieldRule,
  ObjectAction,
  ObjectRule,
  RoleDefinition,
  SettingsPermission,
  WorkspaceSchema,
} from "./types";

/** A check that was refused: an object (or one of its fields, on one record) or a keyed grant. */
export type RefusedCheck =
  | {
      readonly kind: "object";
      readonly action: ObjectAction;
      readonly object: string;
      readonly field?: string;
      /** The record's stored values, when the check was about one record. */
      readonly record?: Readonly<Record<string, unknown>>;
      /** Whom `Me` means on that record (the acting member; null for a key or agent). */
      readonly principal?: RecordPrincipal;
    }
  | { readonly kind: "setting"; readonly key: SettingsPermission }
  | { readonly kind: "action"; readonly key: ActionPermission };

/** One permission, named as authority and the impact diff name it (`permissions.name` in the catalogs). */
// A grant an access request can ask for: one permission (Allow sharing is not requested, docs/reference.md §19; Admin never).
export type GrantItem = Exclude<ExceedingPermission, { kind: "admin" } | { kind: "sharing" }>;

export interface SmallestGrant {
  /** What is asked for, in the reader's vocabulary. */
  readonly item: GrantItem;
  /** A permission set holding exactly that (with the See it needs), ready to be stored. */
  readonly definition: RoleDefinition;
}

const NO_ONE: RecordPrincipal = { memberId: null };

/** The workspace schema as the principal's resolved view knows it (every object, every field). */
export function schemaOfPermissions(perms: EffectivePermissions): WorkspaceSchema {
  return {
    objects: Object.entries(perms.objects).map(([name, view]) => ({
      name,
      fields: Object.entries(view.fields).map(([field, value]) => ({ name: field, isLabel: value.kind === "label", isSystem: value.kind === "system" })),
    })),
  };
}

/** The grants of `perms` that see `object` and, when a record is given, reach it. */
function reachingParts(perms: EffectivePermissions, object: string, record: Readonly<Record<string, unknown>> | undefined, principal: RecordPrincipal) {
  return partsOf(perms).filter((part) => can(part, "see", object) && (record === undefined || evaluatePredicate(recordRulePredicate(part.objects[object].records.rule, principal), record)));
}

/**
 * Does `perms` allow the check? On a record, only the grants that reach it count (docs/reference.md §17): the
 * same answer the records domain gives when it writes or deletes that record.
 */
export function allowsCheck(perms: EffectivePermissions, check: RefusedCheck): boolean {
  if (check.kind === "setting") return canSetting(perms, check.key);
  if (check.kind === "action") return canAction(perms, check.key);
  const field = normalizedField(perms, check.action, check.object, check.field);
  if (field === null) return false;
  const parts = reachingParts(perms, check.object, check.record, check.principal ?? NO_ONE);
  return parts.some((part) => can(part, check.action, check.object, field));
}

/**
 * The field a check is really about: none for a delete or destroy (records go whole) or for the
 * label and system fields (they follow the object); null when it can never be allowed (an
 * unknown object or field, a system field written).
 */
function normalizedField(perms: EffectivePermissions, action: ObjectAction, object: string, field: string | undefined): string | undefined | null {
  const view = Object.hasOwn(perms.objects, object) ? perms.objects[object] : undefined;
  if (!view) return null;
  if (field === undefined || action === "delete" || action === "destroy") return undefined;
  const fieldView = Object.hasOwn(view.fields, field) ? view.fields[field] : undefined;
  if (!fieldView) return null;
  if (fieldView.kind === "system") return action === "see" ? undefined : null;
  if (fieldView.kind === "label") return undefined;
  return field;
}

/** The smallest grant that allows `check`, or null when it is allowed already or never can be. */
export function smallestGrant(perms: EffectivePermissions, check: RefusedCheck): SmallestGrant | null {
  if (perms.isAdmin || allowsCheck(perms, check)) return null;
  if (check.kind !== "object") {
    const item: GrantItem = check.kind === "setting" ? { kind: "setting", key: check.key } : { kind: "action", key: check.key };
    return { item, definition: grantDefinition(perms, item) };
  }
  const field = normalizedField(perms, check.action, check.object, check.field);
  if (field === null) return null;
  const principal = check.principal ?? NO_ONE;
  const reaching = reachingParts(perms, check.object, check.record, principal);
  let basis = reaching[0];
  let item: GrantItem;
  const creating = reaching.find((part) => can(part, "create", check.object));
  if (field === undefined || !basis) {
    // Not seen at all (or not on this record): the object's action, which brings See with it.
    item = { kind: "object", action: check.action, object: check.object };
  } else if (check.action === "create" && !creating) {
    item = { kind: "object", action: "create", object: check.object };
  } else {
    item = { kind: "field", action: check.action as "see" | "create" | "edit", object: check.object, field };
    // The set's create of the object stays on the records of a grant that already creates them.
    if (check.action === "create") basis = creating!;
  }
  return { item, definition: grantDefinition(perms, item, basis, field) };
}

/**
 * The permission set that holds `item` and nothing the principal would gain beside it. `basis`
 * is the grant already showing the object (and the record): the set reaches the records it
 * reaches and shows the fields it shows, so it widens nothing else; `field` is the one the check
 * was about, which the set shows whatever the basis hides.
 */
export function grantDefinition(perms: EffectivePermissions, item: GrantItem, basis?: EffectivePermissions, field?: string): RoleDefinition {
  const definition: RoleDefinition = {
    isAdmin: false,
    canSeeAllObjects: false,
    canCreateAllObjects: false,
    canEditAllObjects: false,
    canDeleteAllObjects: false,
    canDestroyAllObjects: false,
    settingsAllAccess: false,
    actionsAllAccess: false,
    assignableToMembers: true,
    assignableToApiKeys: true,
    assignableToAgents: true,
    objectRules: [],
    fieldRules: [],
    settings: item.kind === "setting" ? [item.key] : [],
    actions: item.kind === "action" ? [item.key] : [],
  };
  if (item.kind === "setting" || item.kind === "action") return definition;

  const object = item.object;
  const rule: { -readonly [K in keyof ObjectRule]: ObjectRule[K] } = { object, canSee: true, canCreate: null, canEdit: null, canDelete: null, canDestroy: null };
  const objectAction = item.kind === "object" ? item.action : item.action === "create" ? "create" : null;
  if (objectAction === "create") rule.canCreate = true;
  if (objectAction === "edit") rule.canEdit = true;
  if (objectAction === "delete") rule.canDelete = true;
  if (objectAction === "destroy") rule.canDestroy = true;
  const basisRule = basis?.objects[object]?.records.rule;
  if (basisRule && basisRule.mode === "match") rule.recordRule = basisRule as StoredRecordRule;

  const fieldRules: FieldRule[] = [];
  if (basis) {
    for (const [name, value] of Object.entries(perms.objects[object].fields)) {
      if (value.kind !== "regular") continue;
      const shown = can(basis, "see", object, name) || name === field;
      if (item.kind === "field" && item.field === name) {
        fieldRules.push({ object, field: name, canSee: true, canEdit: item.action === "edit" ? true : item.action === "see" ? false : null });
      } else if (!shown) {
        fieldRules.push({ object, field: name, canSee: false, canEdit: false });
      } else if (item.kind === "field" && objectAction === "create") {
        // The object's create is only there for this field: every other one is set at creation by no one.
        fieldRules.push({ object, field: name, canSee: true, canEdit: false });
      }
    }
  }
  return { ...definition, objectRules: [rule], fieldRules };
}

/** The principal's permissions with the grant added as a permission set (what approval gives). */
export function withGrant(perms: EffectivePermissions, definition: RoleDefinition, schema: WorkspaceSchema = schemaOfPermissions(perms)): EffectivePermissions {
  const set = resolvePermissions(definition, schema);
  const held = perms.grants ?? [{ grant: { kind: "role" as const, id: "held", name: "held" }, permissions: perms }];
  return combineGrants([...held, { grant: { kind: "set", id: "requested", name: "requested" }, permissions: set }], schema);
}

/** A stable key of what is asked for: one open request per principal and grant. */
export function grantItemKey(item: GrantItem): string {
  switch (item.kind) {
    case "setting":
    case "action":
      return `${item.kind}:${item.key}`;
    case "object":
      return `object:${item.object}:${item.action}`;
    default:
      return `field:${item.object}:${item.field}:${item.action}`;
  }
}
