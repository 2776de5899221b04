import type { Tx } from "@/lib/db";
import { listObjects } from "@/lib/metadata/queries";
import { listPrincipals } from "./assignees";

type ObjectRows = Awaited<ReturnType<typeof listObjects>>;

/** What the role page needs besides the role: objects and fields, principals, the default role. */
export async function loadEditorContext(db: Tx, workspaceId: string, localize: (objects: ObjectRows) => ObjectRows = (objects) => objects) {
  const [objects, principals, adminMemberCount, workspace] = await Promise.all([
    listObjects(db, workspaceId),
    listPrincipals(db, workspaceId),
    db.workspaceMember.count({ where: { workspaceId, role: { isAdmin: true } } }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, include: { defaultRole: { select: { id: true, name: true } } } }),
  ]);
  return {
    objects: localize(objects).map((object) => ({
      name: object.nameSingular,
      labelSingular: object.labelSingular,
      labelPlural: object.labelPlural,
      fields: object.fields.map((field) => ({ name: field.name, label: field.label, type: field.type, isLabel: field.isLabel, isSystem: field.isSystem })),
    })),
    principals,
    adminMemberCount,
    defaultRole: workspace.defaultRole ?? { id: "", name: "" },
  };
}
