/**
 * Server-side validation of a role definition before it is saved or imported (SPEC §8).
 * It reports every issue, with enough location (object, field, action, key) for the editor to
 * show the message next to the offending control. Messages are translated elsewhere.
 */
import { ACTION_PERMISSIONS, SETTINGS_PERMISSIONS } from "./constants";
import { fieldKind } from "./resolve-object";
import { baselineWithoutSee, inheritedValue, ruleWithoutSee } from "./consistency";
import { ASSIGNABLE_SWITCHES } from "./model";
import { validateRecordRule } from "./record-rule-validate";
import type { ObjectRule, RoleDefinition, RoleIssue, SchemaField, WorkspaceSchema } from "./types";

type FieldsByName = ReadonlyMap<string, SchemaField>;

/** Empty when the definition is valid. */
export function validateRoleDefinition(role: RoleDefinition, schema: WorkspaceSchema): RoleIssue[] {
  const issues: RoleIssue[] = [];
  const schemaObjects = new Map<string, FieldsByName>(
    schema.objects.map((object) => [object.name, new Map(object.fields.map((field) => [field.name, field]))]),
  );

  validateBaseline(role, issues);
  const objectRules = validateObjectRules(role, schemaObjects, issues);
  validateFieldRules(role, schemaObjects, objectRules, issues);
  for (const [object, rule] of objectRules) {
    if (rule.recordRule) issues.push(...validateRecordRule(role, object, rule.recordRule, schemaObjects.get(object)!));
  }
  validateKeys(role.settings, SETTINGS_PERMISSIONS, "UNKNOWN_SETTING", issues);
  validateKeys(role.actions, ACTION_PERMISSIONS, "UNKNOWN_ACTION", issues);
  if (role.isAdmin && role[ASSIGNABLE_SWITCHES.agent]) issues.push({ code: "ADMIN_NOT_ASSIGNABLE_TO_AGENT" });
  return issues;
}

function validateBaseline(role: RoleDefinition, issues: RoleIssue[]): void {
  for (const action of baselineWithoutSee(role)) issues.push({ code: "EDIT_WITHOUT_SEE", action });
}

/** Returns the known objects' rules (last wins, as in resolvePermissions) for the field checks. */
function validateObjectRules(
  role: RoleDefinition,
  schemaObjects: ReadonlyMap<string, FieldsByName>,
  issues: RoleIssue[],
): Map<string, ObjectRule> {
  const rules = new Map<string, ObjectRule>();
  for (const rule of role.objectRules) {
    const { object } = rule;
    if (!schemaObjects.has(object)) {
      issues.push({ code: "UNKNOWN_OBJECT", object });
      continue;
    }
    if (rules.has(object)) issues.push({ code: "DUPLICATE_RULE", object });
    rules.set(object, rule);

    // The same rule the editor applies while a person edits (./consistency).
    for (const action of ruleWithoutSee(role, rule)) issues.push({ code: "EDIT_WITHOUT_SEE", object, action });
  }
  return rules;
}

function validateFieldRules(
  role: RoleDefinition,
  schemaObjects: ReadonlyMap<string, FieldsByName>,
  objectRules: ReadonlyMap<string, ObjectRule>,
  issues: RoleIssue[],
): void {
  const seen = new Set<string>();
  for (const rule of role.fieldRules) {
    const { object, field } = rule;
    const fields = schemaObjects.get(object);
    if (fields === undefined) {
      issues.push({ code: "UNKNOWN_OBJECT", object, field });
      continue;
    }
    const schemaField = fields.get(field);
    if (schemaField === undefined) {
      issues.push({ code: "UNKNOWN_FIELD", object, field });
      continue;
    }
    // JSON of the pair: no separator character can make two different pairs collide.
    const pairKey = JSON.stringify([object, field]);
    if (seen.has(pairKey)) issues.push({ code: "DUPLICATE_RULE", object, field });
    seen.add(pairKey);

    if (fieldKind(schemaField) !== "regular") {
      issues.push({ code: "FIELD_NOT_RESTRICTABLE", object, field });
      continue;
    }

    const objectRule = objectRules.get(object);
    const objectSee = inheritedValue(role, objectRule, "see");
    const objectEdit = objectSee && inheritedValue(role, objectRule, "edit");
    if (!objectSee && (rule.canSee === true || rule.canEdit === true)) {
      issues.push({ code: "FIELD_VISIBLE_ON_HIDDEN_OBJECT", object, field });
    }
    // Hiding a field while its edit is on (set or inherited from the object) is the field-level
    // "edit without see"; the editor's "No access" sets both to false.
    if (rule.canSee === false && (rule.canEdit ?? objectEdit)) {
      issues.push({ code: "EDIT_WITHOUT_SEE", object, field, action: "edit" });
    }
  }
}

function validateKeys(
  keys: readonly string[],
  knownKeys: readonly string[],
  code: "UNKNOWN_SETTING" | "UNKNOWN_ACTION",
  issues: RoleIssue[],
): void {
  for (const key of keys) {
    if (!knownKeys.includes(key)) issues.push({ code, key });
  }
}
