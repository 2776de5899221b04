-- DropIndex
DROP INDEX "Record_workspaceId_objectMetadataId_deletedAt_createdAt_idx";

-- CreateIndex
CREATE INDEX "Record_workspaceId_objectMetadataId_deletedAt_createdAt_id_idx" ON "Record"("workspaceId", "objectMetadataId", "deletedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Record_objectMetadataId_deletedAt_updatedAt_id_idx" ON "Record"("objectMetadataId", "deletedAt", "updatedAt", "id");
