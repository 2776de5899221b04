/**
 * Validation of a record-level rule (SPEC §13, §8): conditions only on fields the role can see
 * (a rule on a hidden field would reveal its values through which records appear), operators
 * that fit the field's value type, values of that type, and `Me` only on member fields.
 */
import { fieldKind } from "./resolve-object";
import { inheritedValue } from "./consistency";
import {
  isMeValue,
  MAX_IN_VALUES,
  MAX_RECORD_CONDITIONS,
  OPERATORS_BY_VALUE_TYPE,
  RECORD_RULE_OPERATORS,
  type RecordCondition,
  type RecordRule,
} from "./record-rule";
import type { RecordValueType, RoleDefinition, RoleIssue, SchemaField } from "./types";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/;

function scalarFits(type: RecordValueType, value: unknown): boolean {
  switch (type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && DATE_PATTERN.test(value);
    case "text":
    case "member":
      return typeof value === "string" && value.length > 0 && value.length <= 2_000;
  }
}

/** Is the field visible to the role (the same inheritance as resolveObject, without resolving it all)? */
function fieldVisible(role: RoleDefinition, object: string, field: SchemaField): boolean {
  const objectRule = role.objectRules.findLast((rule) => rule.object === object);
  const objectSee = inheritedValue(role, objectRule, "see");
  if (!objectSee) return false;
  if (fieldKind(field) !== "regular") return true;
  const rule = role.fieldRules.findLast((candidate) => candidate.object === object && candidate.field === field.name);
  return rule?.canSee ?? true;
}

function conditionIssue(
  role: RoleDefinition,
  object: string,
  condition: RecordCondition,
  fields: ReadonlyMap<string, SchemaField>,
): RoleIssue["code"] | null {
  if (typeof condition !== "object" || condition === null || typeof condition.field !== "string") return "RECORD_RULE_INVALID";
  const field = fields.get(condition.field);
  if (!field) return "UNKNOWN_FIELD";
  // System fields (ids, timestamps) live outside the record's data and carry no useful rule.
  if (fieldKind(field) === "system" || field.type === undefined) return "RECORD_RULE_OPERATOR";
  if (!role.isAdmin && !fieldVisible(role, object, field)) return "RECORD_RULE_FIELD_NOT_VISIBLE";
  if (!(RECORD_RULE_OPERATORS as readonly string[]).includes(condition.operator)) return "RECORD_RULE_OPERATOR";
  if (!OPERATORS_BY_VALUE_TYPE[field.type].includes(condition.operator)) return "RECORD_RULE_OPERATOR";

  const { value } = condition;
  if (isMeValue(value)) {
    return field.type === "member" && (condition.operator === "eq" || condition.operator === "neq") ? null : "RECORD_RULE_ME";
  }
  switch (condition.operator) {
    case "isEmpty":
    case "isNotEmpty":
      return value === undefined || value === null ? null : "RECORD_RULE_VALUE";
    case "in":
      return Array.isArray(value) && value.length > 0 && value.length <= MAX_IN_VALUES && value.every((item) => scalarFits(field.type!, item))
        ? null
        : "RECORD_RULE_VALUE";
    default:
      return scalarFits(field.type, value) ? null : "RECORD_RULE_VALUE";
  }
}

export function validateRecordRule(
  role: RoleDefinition,
  object: string,
  rule: RecordRule,
  fields: ReadonlyMap<string, SchemaField>,
): RoleIssue[] {
  if (typeof rule !== "object" || rule === null) return [{ code: "RECORD_RULE_INVALID", object }];
  if (rule.mode === "all") return [];
  if (rule.mode !== "match" || (rule.join !== "all" && rule.join !== "any") || !Array.isArray(rule.conditions)) {
    return [{ code: "RECORD_RULE_INVALID", object }];
  }
  // "Only records that match" with nothing to match is a mistake, not a way to hide every record.
  if (rule.conditions.length === 0 || rule.conditions.length > MAX_RECORD_CONDITIONS) return [{ code: "RECORD_RULE_INVALID", object }];
  const issues: RoleIssue[] = [];
  rule.conditions.forEach((condition, index) => {
    const code = conditionIssue(role, object, condition, fields);
    if (code) issues.push({ code, object, field: typeof condition?.field === "string" ? condition.field : undefined, condition: index });
  });
  return issues;
}
