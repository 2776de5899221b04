import { ACTION_PERMISSIONS } from "./constants";
import { baselineValue, emptyObjectRule, ruleOverride } from "./consistency";
import { ASSIGNABLE_KEYS, RULE_SWITCHES, baselineFrom } from "./model";
import type { RoleDefinition } from "./types";

const pickAssignable = (role: RoleDefinition) => Object.fromEntries(ASSIGNABLE_KEYS.map((name) => [name, role[name]])) as Pick<RoleDefinition, (typeof ASSIGNABLE_KEYS)[number]>;

/** Reads are what "View as" may do with a role; exporting what one sees is a read. */
const READ_ACTIONS = ["EXPORT_CSV"] as const satisfies readonly (typeof ACTION_PERMISSIONS)[number][];

/**
 * The read-only projection of a role (SPEC §14 "View as"): everything it sees, as it sees it (the
 * same records, under the same record-level rules), and nothing it could change: no create, edit, delete or destroy at any level, no settings, no
 * action but the reads. An Admin's projection sees every object and field.
 */
export function readOnlyProjection(role: RoleDefinition): RoleDefinition {
  const granted = (key: string) => role.isAdmin || role.actionsAllAccess || role.actions.includes(key);
  return {
    isAdmin: false,
    ...baselineFrom((action) => action === "see" && (role.isAdmin || baselineValue(role, "see"))),
    objectRules: role.isAdmin ? [] : role.objectRules.map((rule) => ({ ...emptyObjectRule(rule.object), [RULE_SWITCHES.see]: ruleOverride(rule, "see"), recordRule: rule.recordRule })),
    // Edit inherits from objects that edit nothing, so no field is editable either.
    fieldRules: role.isAdmin ? [] : role.fieldRules.map((rule) => ({ object: rule.object, field: rule.field, canSee: rule.canSee, canEdit: null })),
    settingsAllAccess: false,
    settings: [],
    actionsAllAccess: false,
    actions: READ_ACTIONS.filter(granted),
    ...pickAssignable(role),
  };
}
