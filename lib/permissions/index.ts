/**
 * Rolecall's permission engine: pure functions from a role definition and a workspace schema to
 * answers. No I/O, no framework: the same code runs in server actions, API routes, agent tools,
 * the seed and the browser.
 *
 *   const perms = resolvePermissions(role, schema);   // once per role × schema (microseconds)
 *   can(perms, "edit", "person", "email");            // per check (nanoseconds)
 */
export {
  ACTION_PERMISSIONS,
  FIELD_ACTIONS,
  OBJECT_ACTIONS,
  PERMISSION_SOURCES,
  PRINCIPAL_KINDS,
  ROLE_NAME_MAX_LENGTH,
  SETTINGS_PERMISSIONS,
} from "./constants";
export type * from "./types";
export { resolvePermissions } from "./resolve";
export { can, canAction, canSetting, creatableFields, editableFields, visibleFields } from "./check";
export { objectCapabilities } from "./capabilities";
export type { CapabilityField, CapabilityObject, ObjectCapabilities } from "./capabilities";
export { explain } from "./explain";
export { maskRecord, maskRecords } from "./mask";
export { recordSight, sightOf } from "./sight";
export { checkRecordWrite, combineGrants, grantLabel, mayDeleteRecord, objectGrants, partsOf, recordReach, uniformlyVisibleFields } from "./grants";
export type { RecordWriteCheck } from "./grants";
export { readablePermissions } from "./readable-view";
export type { ReadablePermissions } from "./readable-view";
export type { RecordSight } from "./sight";
export { checkDelete, checkWrite } from "./write";
export { validateRoleDefinition } from "./validate";
export { normalizeRoleName, roleNameKey, validateRoleName } from "./role-name";
export { canAssignRole } from "./assign";
export { exceedingPermissions, grantsBeyond, isWithinAuthority, recordRuleWithin } from "./authority";
export type { BoundMe, ExceedingPermission, PermissionView } from "./authority";
export { diffPermissions, isEmptyDiff } from "./diff";
export type { PermissionDiff } from "./diff";
export { readOnlyProjection } from "./view-as";
export { GUARDRAIL_MODES, checkGuardrail, checkGuardrails, guardrailPermission, validateGuardrail } from "./guardrails";
export type { Guardrail, GuardrailIssue, GuardrailMode, GuardrailPermission, GuardrailResult, GuardrailRole } from "./guardrails";
export {
  ALL_RECORDS,
  OPERATORS_BY_VALUE_TYPE,
  RECORD_RULE_OPERATORS,
  describeRecordRule,
  evaluatePredicate,
  isMeValue,
  matchesRecordRule,
  recordRuleFields,
  recordRulePredicate,
} from "./record-rule";
export type { MeValue, RecordCondition, RecordConditionValue, RecordPredicate, RecordPrincipal, RecordRule, RecordRuleOperator, StoredRecordRule } from "./record-rule";
export {
  ALL_ACCESS_SWITCHES,
  ASSIGNABLE_KEYS,
  ASSIGNABLE_SWITCHES,
  BASELINE_KEYS,
  BASELINE_SWITCHES,
  ROLE_SWITCH_KEYS,
  ROLE_TEXT_KEYS,
  RULE_SWITCHES,
  SEE_DEPENDENT_ACTIONS,
  allObjects,
  baselineFrom,
  assignableTo,
  draftToDefinition,
  fieldRuleSchema,
  objectRuleSchema,
  pickSwitches,
  recordConditionSchema,
  recordRuleSchema,
  roleDraftSchema,
  seedToRole,
} from "./model";
export type { AllAccessKey, AssignableKey, BaselineKey, FieldRuleDraft, ObjectRuleDraft, RoleDraft, RoleSeed, RoleSwitchKey, RuleKey, SeededRole } from "./model";
export {
  baselineValue,
  emptyObjectRule,
  findObjectRule,
  inheritedValue,
  objectValue,
  ruleOverride,
  setBaselineSwitch,
  setObjectRuleSwitch,
  withObjectRule,
} from "./consistency";
export type { RoleRules } from "./consistency";
