-- AlterTable (docs/reference.md §18: role changes need approval, off by default)
ALTER TABLE "Workspace" ADD COLUMN "roleChangesNeedApproval" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RoleProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "draft" TEXT NOT NULL,
    "proposerId" TEXT NOT NULL,
    "proposerLabel" TEXT NOT NULL,
    "proposerIsAdmin" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedById" TEXT,
    "decidedByLabel" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoleProposal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RoleProposal_workspaceId_status_createdAt_idx" ON "RoleProposal"("workspaceId", "status", "createdAt");
