import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { ROLE_DEFINITION_INCLUDE, type RoleWithDefinition } from "./definition";
import { parseStoredRecordRule, type RoleDraft } from "./draft";

export function roleToDraft(role: RoleWithDefinition): RoleDraft {
  return {
    name: role.name,
    description: role.description,
    icon: role.icon,
    canSeeAllObjects: role.canSeeAllObjects,
    canCreateAllObjects: role.canCreateAllObjects,
    canEditAllObjects: role.canEditAllObjects,
    canDeleteAllObjects: role.canDeleteAllObjects,
    canDestroyAllObjects: role.canDestroyAllObjects,
    settingsAllAccess: role.settingsAllAccess,
    settings: role.settingPermissions.map((row) => row.setting) as RoleDraft["settings"],
    actionsAllAccess: role.actionsAllAccess,
    actions: role.actionPermissions.map((row) => row.action) as RoleDraft["actions"],
    assignableToMembers: role.assignableToMembers,
    assignableToApiKeys: role.assignableToApiKeys,
    assignableToAgents: role.assignableToAgents,
    objectRules: role.objectPermissions
      .map((rule) => ({
        object: rule.object.nameSingular,
        canSee: rule.canSee,
        canCreate: rule.canCreate,
        canEdit: rule.canEdit,
        canDelete: rule.canDelete,
        canDestroy: rule.canDestroy,
        // Only when set: drafts of roles without record-level rules keep their former shape.
        ...(rule.recordRule ? { recordRule: parseStoredRecordRule(rule.recordRule) as RoleDraft["objectRules"][number]["recordRule"] } : {}),
      }))
      .sort((a, b) => a.object.localeCompare(b.object)),
    fieldRules: role.fieldPermissions
      .map((rule) => ({ object: rule.object.nameSingular, field: rule.field.name, canSee: rule.canSee, canEdit: rule.canEdit }))
      .sort((a, b) => `${a.object}.${a.field}`.localeCompare(`${b.object}.${b.field}`)),
  };
}

export interface RoleForEditor {
  id: string;
  version: number;
  isAdmin: boolean;
  isDefault: boolean;
  draft: RoleDraft;
}

export async function loadRoleForEditor(db: Tx, workspaceId: string, roleId: string): Promise<RoleForEditor> {
  const [role, workspace] = await Promise.all([
    db.role.findFirst({ where: { id: roleId, workspaceId }, include: ROLE_DEFINITION_INCLUDE }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultRoleId: true } }),
  ]);
  if (!role) throw new DomainError("NOT_FOUND");
  return { id: role.id, version: role.version, isAdmin: role.isAdmin, isDefault: workspace.defaultRoleId === role.id, draft: roleToDraft(role) };
}
