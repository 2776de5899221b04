-- DropIndex
DROP INDEX "Record_workspaceId_objectMetadataId_deletedAt_createdAt_idx";

-- CreateIndex
CREATE INDEX "Record_workspaceId_objectMetadataId_deletedAt_createdAt_id_idx" ON "Record"("workspaceId", "objectMetadataId", "deletedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Record_objectMetadataId_deletedAt_updatedAt_id_idx" ON "Record"("objectMetadataId", "deletedAt", "updatedAt", "id");


-- Expression indexes on the JSON fields of the standard objects (lib/records/indexes.ts; custom
-- fields get theirs when they are added). Hand-written: Prisma cannot declare them.
CREATE INDEX IF NOT EXISTS "Record_data_address_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."address"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_amount_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."amount"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_city_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."city"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_closeDate_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."closeDate"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_companyId_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."companyId"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_domain_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."domain"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_dueAt_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."dueAt"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_email_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."email"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_employees_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."employees"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_jobTitle_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."jobTitle"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_name_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."name"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_ownerId_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."ownerId"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_phone_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."phone"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_stage_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."stage"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_status_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."status"'), "createdAt", "id");
CREATE INDEX IF NOT EXISTS "Record_data_title_idx" ON "Record"("objectMetadataId", "deletedAt", json_extract("data", '$."title"'), "createdAt", "id");
