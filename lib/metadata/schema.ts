import type { Tx } from "@/lib/db";
import type { WorkspaceSchema } from "@/lib/permissions";

export const OBJECT_METADATA_INCLUDE = { fields: { orderBy: { position: "asc" as const } } };

/** The workspace's objects and fields, in display order, as the permission engine sees them. */
export async function loadWorkspaceSchema(db: Tx, workspaceId: string): Promise<WorkspaceSchema> {
  const objects = await db.objectMetadata.findMany({
    where: { workspaceId },
    orderBy: { position: "asc" },
    include: OBJECT_METADATA_INCLUDE,
  });
  return {
    objects: objects.map((object) => ({
      name: object.nameSingular,
      fields: object.fields.map((field) => ({ name: field.name, isLabel: field.isLabel, isSystem: field.isSystem })),
    })),
  };
}
