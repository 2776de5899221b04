-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "roleId" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_workspaceId_roleId_createdAt_idx" ON "AuditLog"("workspaceId", "roleId", "createdAt");

