-- Hand-written (scripts/prisma-postgres.mjs keeps it: it never rewrites a migration folder).
-- PostgreSQL's expression indexes of the standard fields, per (name, kind), and the live-record
-- indexes of the column sorts: lib/records/indexes.ts explains their shape, and a test
-- (postgres-schema.integration.test.ts) holds this file to postgresStandardIndexesSql().
CREATE INDEX IF NOT EXISTS "Record_live_createdAt_idx" ON "Record"("objectMetadataId", "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_live_updatedAt_idx" ON "Record"("objectMetadataId", "updatedAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_live_id_idx" ON "Record"("objectMetadataId", "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_address_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'address') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_num_amount_idx" ON "Record"("objectMetadataId", (CASE WHEN jsonb_typeof("data"::jsonb -> 'amount') = 'number' THEN ("data"::jsonb ->> 'amount')::numeric END) NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_city_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'city') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_closeDate_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'closeDate') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_companyId_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'companyId') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_domain_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'domain') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_dueAt_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'dueAt') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_email_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'email') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_num_employees_idx" ON "Record"("objectMetadataId", (CASE WHEN jsonb_typeof("data"::jsonb -> 'employees') = 'number' THEN ("data"::jsonb ->> 'employees')::numeric END) NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_jobTitle_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'jobTitle') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_name_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'name') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_ownerId_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'ownerId') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_phone_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'phone') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_stage_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'stage') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_status_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'status') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_data_title_idx" ON "Record"("objectMetadataId", ("data"::jsonb ->> 'title') NULLS FIRST, "createdAt" NULLS FIRST, "id" NULLS FIRST) WHERE "deletedAt" IS NULL;
