import { ACTION_PERMISSIONS } from "./constants";
import type { RoleDefinition } from "./types";

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
    canSeeAllObjects: role.isAdmin || role.canSeeAllObjects,
    canCreateAllObjects: false,
    canEditAllObjects: false,
    canDeleteAllObjects: false,
    canDestroyAllObjects: false,
    objectRules: role.isAdmin ? [] : role.objectRules.map((rule) => ({ object: rule.object, canSee: rule.canSee, canCreate: null, canEdit: null, canDelete: null, canDestroy: null, recordRule: rule.recordRule })),
    // Edit inherits from objects that edit nothing, so no field is editable either.
    fieldRules: role.isAdmin ? [] : role.fieldRules.map((rule) => ({ object: rule.object, field: rule.field, canSee: rule.canSee, canEdit: null })),
    settingsAllAccess: false,
    settings: [],
    actionsAllAccess: false,
    actions: READ_ACTIONS.filter(granted),
    assignableTo: role.assignableTo,
  };
}
