-- Hand-written (scripts/prisma-postgres.mjs keeps it: it never rewrites a migration folder).
-- Search's pg_trgm GIN indexes of the standard text fields: lib/records/search-index.ts explains
-- them, and a test (postgres-schema.integration.test.ts) holds this file to postgresSearchMigrationSql().
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "Record_trgm_address_idx" ON "Record" USING gin (("data"::jsonb ->> 'address') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_body_idx" ON "Record" USING gin (("data"::jsonb ->> 'body') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_city_idx" ON "Record" USING gin (("data"::jsonb ->> 'city') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_domain_idx" ON "Record" USING gin (("data"::jsonb ->> 'domain') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_email_idx" ON "Record" USING gin (("data"::jsonb ->> 'email') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_jobTitle_idx" ON "Record" USING gin (("data"::jsonb ->> 'jobTitle') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_name_idx" ON "Record" USING gin (("data"::jsonb ->> 'name') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_phone_idx" ON "Record" USING gin (("data"::jsonb ->> 'phone') gin_trgm_ops) WHERE "deletedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Record_trgm_title_idx" ON "Record" USING gin (("data"::jsonb ->> 'title') gin_trgm_ops) WHERE "deletedAt" IS NULL;
