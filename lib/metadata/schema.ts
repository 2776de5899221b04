import type { Tx } from "@/lib/db/prisma";
import type { WorkspaceSchema } from "@/lib/permissions";
import { FIELD_TYPES, RULE_VALUE_TYPE, type FieldType } from "./standard-objects";

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
      fields: object.fields.map((field) => ({
        name: field.name,
        isLabel: field.isLabel,
        isSystem: field.isSystem,
        // Unknown (newer) types read as text, as lib/records does.
        type: RULE_VALUE_TYPE[(FIELD_TYPES as readonly string[]).includes(field.type) ? (field.type as FieldType) : "TEXT"],
      })),
    })),
  };
}
