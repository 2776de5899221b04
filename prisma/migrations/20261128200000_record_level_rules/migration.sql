-- AlterTable
ALTER TABLE "ObjectPermission" ADD COLUMN "recordRule" TEXT;

