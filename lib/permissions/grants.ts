/**
 * Several grants at once (SPEC §17): a principal's role plus any number of permission sets, each
 * resolved on its own by `resolvePermissions`, then combined here into one EffectivePermissions.
 *
 * The union is exact where it must be: an action or field is allowed when some grant allows it,
 * but on a given record only grants that reach that record count. A set that shows Email on the
 * deals its holder owns does not show Email on the other deals a role lets them see, and a set
 * that edits one's own records does not edit the records a role only shows. So the combined view
 * answers the record-independent questions (`can`: "on some record?") and keeps its parts for the
 * record-dependent ones (`recordGrants`, sight, `checkRecordWrite`, authority).
 *
 * Every value names the grant that gives it (the first that allows it, the role first), so the
 * effective-permissions view and the check API can say `Role: Intern` or `Permission set: …`.
 */
import { ACTION_PERMISSIONS, FIELD_ACTIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { can } from "./check";
import { FAST_INDEX, buildObjectIndexEntry, type ObjectIndexEntry } from "./fast-index";
import { ALL_RECORDS, evaluatePredicate, recordRulePredicate, type RecordPrincipal, type RecordRule, type StoredRecordRule } from "./record-rule";
import type {
  EffectivePermissions,
  FieldPermissions,
  GrantPart,
  GrantRef,
  ObjectAction,
  ObjectPermissions,
  ResolvedValue,
  WorkspaceSchema,
  WriteMode,
} from "./types";

/**
 * The record-dependent part of a write: RECORD_RULE when no grant that may write the object
 * reaches the record, FIELD_READ_ONLY when none that reaches it may write that field.
 */
export type RecordWriteCheck = { readonly ok: true } | { readonly ok: false; readonly code: "RECORD_RULE" } | { readonly ok: false; readonly code: "FIELD_READ_ONLY"; readonly field: string };

/** How a grant is named to people and API clients: `Role: Intern`, `Permission set: Export for audit`. */
export function grantLabel(grant: GrantRef): string {
  return `${grant.kind === "role" ? "Role" : "Permission set"}: ${grant.name}`;
}

/**
 * The permissions of a principal holding `grants` (its role first). One grant: its permissions as
 * they are, so a principal without sets resolves exactly as before. An Admin role: Admin.
 */
export function combineGrants(grants: readonly GrantPart[], schema: WorkspaceSchema): EffectivePermissions {
  if (grants.length === 0) throw new Error("A principal holds at least one grant");
  if (grants.length === 1) return grants[0].permissions;
  const admin = grants.find((part) => part.permissions.isAdmin);
  if (admin) return admin.permissions;

  const objectViews: [string, ObjectPermissions][] = [];
  const objectIndex = new Map<string, ObjectIndexEntry>();
  for (const object of schema.objects) {
    const view = combineObject(grants, object.name);
    objectViews.push([object.name, view]);
    objectIndex.set(object.name, buildObjectIndexEntry(object, view));
  }
  const settings = Object.fromEntries(SETTINGS_PERMISSIONS.map((key) => [key, pick(grants, (perms) => perms.settings[key])])) as EffectivePermissions["settings"];
  const actions = Object.fromEntries(ACTION_PERMISSIONS.map((key) => [key, pick(grants, (perms) => perms.actions[key])])) as EffectivePermissions["actions"];
  return {
    isAdmin: false,
    settingsAllAccess: grants.some((part) => part.permissions.settingsAllAccess),
    actionsAllAccess: grants.some((part) => part.permissions.actionsAllAccess),
    objects: Object.fromEntries(objectViews),
    settings,
    actions,
    grants,
    [FAST_INDEX]: {
      objects: objectIndex,
      grantedSettings: new Set(SETTINGS_PERMISSIONS.filter((key) => settings[key].value)),
      grantedActions: new Set(ACTION_PERMISSIONS.filter((key) => actions[key].value)),
    },
  };
}

/** The first grant that allows it, else the first grant's refusal (the role's), naming the grant. */
function pick(grants: readonly GrantPart[], value: (perms: EffectivePermissions) => ResolvedValue | undefined): ResolvedValue {
  for (const part of grants) {
    const found = value(part.permissions);
    if (found?.value) return { value: true, source: found.source, grant: part.grant };
  }
  const denied = value(grants[0].permissions) ?? { value: false, source: "fixed" as const };
  return { value: false, source: denied.source, grant: grants[0].grant };
}

function combineObject(grants: readonly GrantPart[], object: string): ObjectPermissions {
  const parts = grants.filter((part) => part.permissions.objects[object] !== undefined);
  const first = grants[0].permissions.objects[object];
  const action = (name: ObjectAction) => pick(grants, (perms) => perms.objects[object]?.[name]);
  const fieldNames = Object.keys(first?.fields ?? {});
  const fields = Object.fromEntries(
    fieldNames.map((field): [string, FieldPermissions] => {
      const own = first!.fields[field];
      const values = Object.fromEntries(FIELD_ACTIONS.map((name) => [name, pick(grants, (perms) => perms.objects[object]?.fields[field]?.[name])])) as Pick<FieldPermissions, (typeof FIELD_ACTIONS)[number]>;
      return [field, { ...values, restrictable: own.restrictable, kind: own.kind }];
    }),
  );
  const see = reach(parts, object, "see");
  const recordsByAction = Object.fromEntries(
    OBJECT_ACTIONS.filter((name): name is Exclude<ObjectAction, "see"> => name !== "see")
      .map((name) => [name, reach(parts, object, name)] as const)
      .filter(([, records]) => records.allowed && !sameRule(records.rule, see.rule))
      .map(([name, records]) => [name, { rule: records.rule }]),
  );
  return {
    see: action("see"),
    create: action("create"),
    edit: action("edit"),
    delete: action("delete"),
    destroy: action("destroy"),
    records: { rule: see.rule, source: see.source, ...(see.grant ? { grant: see.grant } : {}) },
    ...(Object.keys(recordsByAction).length > 0 ? { recordsByAction } : {}),
    fields,
  };
}

const sameRule = (a: RecordRule, b: RecordRule) => JSON.stringify(a) === JSON.stringify(b);

/** The records that the grants allowing `action` on `object` reach together. */
function reach(parts: readonly GrantPart[], object: string, action: ObjectAction) {
  const allowing = parts.filter((part) => part.permissions.objects[object][action].value);
  const everything = allowing.find((part) => part.permissions.objects[object].records.rule.mode === "all");
  if (everything) return { allowed: true, rule: ALL_RECORDS, source: everything.permissions.objects[object].records.source, grant: everything.grant };
  const rules: StoredRecordRule[] = [];
  for (const part of allowing) {
    for (const rule of storedRules(part.permissions.objects[object].records.rule)) if (!rules.some((known) => sameRule(known, rule))) rules.push(rule);
  }
  if (rules.length === 0) return { allowed: false, rule: ALL_RECORDS, source: "baseline" as const, grant: undefined };
  const rule: RecordRule = rules.length === 1 ? rules[0] : { mode: "anyOf", rules };
  return { allowed: true, rule, source: "objectRule" as const, grant: allowing.length === 1 ? allowing[0].grant : undefined };
}

function storedRules(rule: RecordRule): StoredRecordRule[] {
  return rule.mode === "anyOf" ? [...rule.rules] : [rule];
}

/** The records `action` on `object` applies to, for these permissions (one grant or several). */
export function recordReach(perms: EffectivePermissions, object: string, action: ObjectAction): RecordRule {
  const view = perms.objects[object];
  if (!view) return ALL_RECORDS;
  return (action !== "see" ? view.recordsByAction?.[action]?.rule : undefined) ?? view.records.rule;
}

// ---------------------------------------------------------------------------------------------
// Record-dependent answers: which grants reach a record, and what they allow on it together.
// ---------------------------------------------------------------------------------------------

/** The grants of `perms` (itself when it is one grant). */
export function partsOf(perms: EffectivePermissions): readonly EffectivePermissions[] {
  return perms.grants?.map((part) => part.permissions) ?? [perms];
}

/**
 * For one object and one principal: the grants that see the object, each with its record
 * predicate built once, and whether they can be answered uniformly (every grant that sees the
 * object reaches the same records, or shows the same fields): then no record needs its own answer.
 */
export function objectGrants(perms: EffectivePermissions, object: string, principal: RecordPrincipal) {
  const seeing = partsOf(perms)
    .filter((part) => can(part, "see", object))
    .map((part) => {
      const predicate = recordRulePredicate(part.objects[object].records.rule, principal);
      return { permissions: part, reaches: (record: Readonly<Record<string, unknown>>) => evaluatePredicate(predicate, record) };
    });
  const fieldLists = seeing.map((part) => part.permissions[FAST_INDEX].objects.get(object)!.visibleFields.join("\u0000"));
  const rules = seeing.map((part) => JSON.stringify(part.permissions.objects[object].records.rule));
  const uniform = seeing.length <= 1 || fieldLists.every((list) => list === fieldLists[0]) || rules.every((rule) => rule === rules[0]);
  return { seeing, uniform };
}

/**
 * The fields of `object` that every grant seeing it shows: the ones a principal with several grants
 * may filter, sort and search on. A field shown by only some grants is hidden on the records only
 * the others reach, and matching on it would tell those records' values.
 */
export function uniformlyVisibleFields(perms: EffectivePermissions, object: string): string[] {
  const seeing = partsOf(perms).filter((part) => can(part, "see", object));
  const lists = seeing.map((part) => new Set(part[FAST_INDEX].objects.get(object)!.visibleFields));
  return (perms[FAST_INDEX].objects.get(object)?.visibleFields ?? []).filter((field) => lists.every((list) => list.has(field)));
}

/**
 * May these permissions write `values` to `record` (its full stored values; for a create, the new
 * record)? Beyond `checkWrite`'s answer for the object, each field needs a grant that allows
 * writing it and reaches this record.
 */
export function checkRecordWrite(
  perms: EffectivePermissions,
  object: string,
  values: Readonly<Record<string, unknown>>,
  mode: WriteMode,
  record: Readonly<Record<string, unknown>>,
  principal: RecordPrincipal,
): RecordWriteCheck {
  const action = mode === "create" ? "create" : "edit";
  const reaching = partsOf(perms).filter((part) => can(part, "see", object) && evaluatePredicate(recordRulePredicate(part.objects[object].records.rule, principal), record));
  // A field rule may grant Edit on an object that is otherwise read-only ("support may change Status only").
  const writes = (part: EffectivePermissions) => (mode === "create" ? can(part, "create", object) : part[FAST_INDEX].objects.get(object)!.editableFields.length > 0);
  if (!reaching.some(writes)) return { ok: false, code: "RECORD_RULE" };
  for (const field of Object.keys(values)) {
    if (!reaching.some((part) => can(part, action, object, field))) return { ok: false, code: "FIELD_READ_ONLY", field };
  }
  return { ok: true };
}

/** May these permissions delete, restore or destroy `record`? A grant that may do it must reach it. */
export function mayDeleteRecord(perms: EffectivePermissions, object: string, action: "delete" | "destroy", record: Readonly<Record<string, unknown>>, principal: RecordPrincipal): boolean {
  return partsOf(perms).some((part) => can(part, action, object) && evaluatePredicate(recordRulePredicate(part.objects[object].records.rule, principal), record));
}
