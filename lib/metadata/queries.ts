import type { Tx } from "@/lib/db/prisma";
import { OBJECT_METADATA_INCLUDE } from "./schema";

/** Objects with their fields, in display order, for pages that show labels. */
export function listObjects(db: Tx, workspaceId: string) {
  return db.objectMetadata.findMany({ where: { workspaceId }, orderBy: { position: "asc" }, include: OBJECT_METADATA_INCLUDE });
}
