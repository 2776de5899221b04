import type { Tx } from "@/lib/db/prisma";
import { listObjects } from "@/lib/metadata/queries";
import { listPrincipals } from "./assignees";
import { listPermissionSets } from "./permission-sets";
import { actorMemberId, rolesWithinAuthority } from "@/lib/access/authority";
import type { Principal } from "@/lib/access/principal";
import type { EffectivePermissions, PermissionView } from "@/lib/permissions";

type ObjectRows = Awaited<ReturnType<typeof listObjects>>;

/**
 * What the role page needs besides the role: objects and fields, principals, the default role,
 * and the actor's authority (SPEC §11) so that the page disables what the server would refuse.
 */
export async function loadEditorContext(db: Tx, principal: Principal, localize: (objects: ObjectRows) => ObjectRows = (objects) => objects) {
  const { workspaceId, permissions: actor } = principal;
  const [objects, principals, adminMemberCount, workspace, withinRoleIds, adminRoles, sets] = await Promise.all([
    listObjects(db, workspaceId),
    listPrincipals(db, workspaceId),
    db.workspaceMember.count({ where: { workspaceId, role: { isAdmin: true } } }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, include: { defaultRole: { select: { id: true, name: true } } } }),
    rolesWithinAuthority(db, principal),
    db.role.findMany({ where: { workspaceId, isAdmin: true }, select: { id: true } }),
    listPermissionSets(db, workspaceId),
  ]);
  return {
    objects: localize(objects).map((object) => ({
      name: object.nameSingular,
      labelSingular: object.labelSingular,
      labelPlural: object.labelPlural,
      fields: object.fields.map((field) => ({ name: field.name, label: field.label, type: field.type, isLabel: field.isLabel, isSystem: field.isSystem })),
    })),
    principals,
    permissionSets: sets.map((set) => ({ id: set.id, name: set.name })),
    adminMemberCount,
    defaultRole: workspace.defaultRole ?? { id: "", name: "" },
    authority: actor.isAdmin ? null : { permissions: toView(actor), memberId: actorMemberId(principal), withinRoleIds, adminRoleIds: adminRoles.map((role) => role.id) },
  };
}

/** The JSON view only: the engine's fast index does not cross to the browser. */
function toView(permissions: EffectivePermissions): PermissionView {
  return JSON.parse(JSON.stringify(permissions)) as PermissionView;
}
