-- SPEC §13: Create is distinct from Edit. Added as plain columns (no table rebuild), then every
-- existing role and object rule is given create = edit, so that no role changes behaviour: a role
-- that could edit (and therefore create) still creates, one that could not still does not.

-- AlterTable
ALTER TABLE "Role" ADD COLUMN "canCreateAllObjects" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ObjectPermission" ADD COLUMN "canCreate" BOOLEAN;

-- Keep every existing role's behaviour
UPDATE "Role" SET "canCreateAllObjects" = "canEditAllObjects";
UPDATE "ObjectPermission" SET "canCreate" = "canEdit";
