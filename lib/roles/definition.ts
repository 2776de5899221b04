import type { Prisma } from "@prisma/client";
import type { RoleDefinition } from "@/lib/permissions";
import { parseStoredRecordRule } from "./draft";
import type { ActionPermission, SettingsPermission } from "@/lib/permissions";

/** The Prisma include that loads everything a role definition is made of. */
export const ROLE_DEFINITION_INCLUDE = {
  objectPermissions: { include: { object: { select: { nameSingular: true } } } },
  fieldPermissions: {
    include: { object: { select: { nameSingular: true } }, field: { select: { name: true } } },
  },
  settingPermissions: true,
  actionPermissions: true,
} satisfies Prisma.RoleInclude;

export type RoleWithDefinition = Prisma.RoleGetPayload<{ include: typeof ROLE_DEFINITION_INCLUDE }>;

/** Database rows → the permission engine's input. */
export function toRoleDefinition(role: RoleWithDefinition): RoleDefinition {
  return {
    isAdmin: role.isAdmin,
    canSeeAllObjects: role.canSeeAllObjects,
    canCreateAllObjects: role.canCreateAllObjects,
    canEditAllObjects: role.canEditAllObjects,
    canDeleteAllObjects: role.canDeleteAllObjects,
    canDestroyAllObjects: role.canDestroyAllObjects,
    objectRules: role.objectPermissions.map((rule) => ({
      object: rule.object.nameSingular,
      canSee: rule.canSee,
      canCreate: rule.canCreate,
      canEdit: rule.canEdit,
      canDelete: rule.canDelete,
      canDestroy: rule.canDestroy,
      recordRule: parseStoredRecordRule(rule.recordRule),
    })),
    fieldRules: role.fieldPermissions.map((rule) => ({
      object: rule.object.nameSingular,
      field: rule.field.name,
      canSee: rule.canSee,
      canEdit: rule.canEdit,
    })),
    settingsAllAccess: role.settingsAllAccess,
    settings: role.settingPermissions.map((row) => row.setting as SettingsPermission),
    actionsAllAccess: role.actionsAllAccess,
    actions: role.actionPermissions.map((row) => row.action as ActionPermission),
    assignableTo: { member: role.assignableToMembers, apiKey: role.assignableToApiKeys, agent: role.assignableToAgents },
  };
}

