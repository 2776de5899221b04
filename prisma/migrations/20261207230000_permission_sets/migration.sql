-- CreateTable
CREATE TABLE "PermissionSetAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "principalKind" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PermissionSetAssignment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PermissionSetAssignment_setId_fkey" FOREIGN KEY ("setId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (SPEC §17: a role or a permission set)
ALTER TABLE "Role" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'role';

-- CreateIndex
CREATE INDEX "PermissionSetAssignment_workspaceId_principalKind_principalId_idx" ON "PermissionSetAssignment"("workspaceId", "principalKind", "principalId");

-- CreateIndex
CREATE UNIQUE INDEX "PermissionSetAssignment_setId_principalKind_principalId_key" ON "PermissionSetAssignment"("setId", "principalKind", "principalId");

