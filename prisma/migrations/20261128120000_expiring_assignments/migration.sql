-- AlterTable
ALTER TABLE "Agent" ADD COLUMN "roleExpiresAt" DATETIME;

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "roleExpiresAt" DATETIME;

-- AlterTable
ALTER TABLE "WorkspaceMember" ADD COLUMN "roleExpiresAt" DATETIME;

