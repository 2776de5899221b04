/**
 * Inheritance for one object and its fields: baseline → object rule → field rule, the most
 * specific non-null value wins (SPEC §2.4), then the clamps that keep "no edit without see".
 */
import { ALL_RECORDS } from "./record-rule";
import { baselineValue, ruleOverride } from "./consistency";
import { resolved } from "./resolved-value";
import type {
  FieldKind,
  FieldPermissions,
  FieldRule,
  ObjectAction,
  ObjectPermissions,
  ObjectRule,
  ResolvedValue,
  RoleDefinition,
  SchemaField,
  SchemaObject,
} from "./types";

const ALLOWED_BY_ADMIN = resolved(true, "admin");
/** Hidden because the object is hidden, or fixed by the field's nature (label/system). */
const FIXED_DENIED = resolved(false, "fixed");
const FIXED_ALLOWED = resolved(true, "fixed");
const ADMIN_RECORDS = Object.freeze({ rule: ALL_RECORDS, source: "admin" as const });
const ALL_RECORDS_INHERITED = Object.freeze({ rule: ALL_RECORDS, source: "baseline" as const });

export function fieldKind(field: SchemaField): FieldKind {
  // A field flagged both ways is treated as system: the stricter reading (never editable).
  if (field.isSystem) return "system";
  if (field.isLabel) return "label";
  return "regular";
}

export function resolveObjectForAdmin(object: SchemaObject): ObjectPermissions {
  const fields = Object.fromEntries(
    object.fields.map((field): [string, FieldPermissions] => {
      const kind = fieldKind(field);
      // Even Admin cannot rewrite ids and timestamps: they belong to the system.
      const edit = kind === "system" ? FIXED_DENIED : ALLOWED_BY_ADMIN;
      return [field.name, { see: ALLOWED_BY_ADMIN, create: edit, edit, restrictable: kind === "regular", kind }];
    }),
  );
  return {
    see: ALLOWED_BY_ADMIN,
    create: ALLOWED_BY_ADMIN,
    edit: ALLOWED_BY_ADMIN,
    delete: ALLOWED_BY_ADMIN,
    destroy: ALLOWED_BY_ADMIN,
    records: ADMIN_RECORDS,
    fields,
  };
}

export function resolveObject(
  role: RoleDefinition,
  object: SchemaObject,
  objectRule: ObjectRule | undefined,
  fieldRules: ReadonlyMap<string, FieldRule> | undefined,
): ObjectPermissions {
  const see = inherit(role, objectRule, "see");
  const create = requireSee(see, inherit(role, objectRule, "create"));
  const edit = requireSee(see, inherit(role, objectRule, "edit"));
  const fields = Object.fromEntries(
    object.fields.map((field): [string, FieldPermissions] => [
      field.name,
      resolveField(field, see, create, edit, fieldRules?.get(field.name)),
    ]),
  );
  return {
    see,
    create,
    edit,
    delete: requireSee(see, inherit(role, objectRule, "delete")),
    destroy: requireSee(see, inherit(role, objectRule, "destroy")),
    // "Only records that match" narrows every action; no rule (or "All records") inherits all of them.
    records: objectRule?.recordRule && objectRule.recordRule.mode === "match" ? { rule: objectRule.recordRule, source: "objectRule" } : ALL_RECORDS_INHERITED,
    fields,
  };
}

function inherit(role: RoleDefinition, objectRule: ObjectRule | undefined, action: ObjectAction): ResolvedValue {
  const override = ruleOverride(objectRule, action);
  return override !== null ? resolved(override, "objectRule") : resolved(baselineValue(role, action), "baseline");
}

/**
 * Defensive clamp: validation rejects edit/delete/destroy without see, but a stored or imported
 * definition may predate that rule. The clamp is reported as 'fixed' so that it is never
 * mistaken for the choice of a rule.
 */
function requireSee(see: ResolvedValue, value: ResolvedValue): ResolvedValue {
  return !see.value && value.value ? FIXED_DENIED : value;
}

function resolveField(
  field: SchemaField,
  objectSee: ResolvedValue,
  objectCreate: ResolvedValue,
  objectEdit: ResolvedValue,
  rule: FieldRule | undefined,
): FieldPermissions {
  const kind = fieldKind(field);
  const restrictable = kind === "regular";

  // A field rule can never reveal a field of an object the role cannot see (SPEC §2.3).
  if (!objectSee.value) return { see: FIXED_DENIED, create: FIXED_DENIED, edit: FIXED_DENIED, restrictable, kind };

  // Label and system fields are not restrictable: any rule on them is ignored (and invalid).
  if (kind === "system") return { see: FIXED_ALLOWED, create: FIXED_DENIED, edit: FIXED_DENIED, restrictable, kind };
  if (kind === "label") return { see: FIXED_ALLOWED, create: objectCreate, edit: objectEdit, restrictable, kind };

  const see = rule?.canSee != null ? resolved(rule.canSee, "fieldRule") : objectSee;
  const edit = rule?.canEdit != null ? resolved(rule.canEdit, "fieldRule") : objectEdit;
  // Here the object is visible, so a hidden field was hidden by its own field rule: that rule
  // is what denies the edit too.
  const clampedEdit = !see.value && edit.value ? resolved(false, "fieldRule") : edit;
  return { see, create: fieldCreate(see, objectCreate, rule), edit: clampedEdit, restrictable, kind };
}

/**
 * A field rule restricts; it never grants create (that is the object's switch). So a field may
 * be set at creation when the object allows create, unless its rule hides it or makes it
 * read-only ("See field"): a role must not set at creation a value it could never change after.
 */
function fieldCreate(see: ResolvedValue, objectCreate: ResolvedValue, rule: FieldRule | undefined): ResolvedValue {
  if (!objectCreate.value) return objectCreate;
  if (!see.value) return resolved(false, "fieldRule");
  if (rule?.canEdit === false) return resolved(false, "fieldRule");
  return objectCreate;
}
