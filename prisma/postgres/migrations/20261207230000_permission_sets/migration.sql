-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'role';

-- CreateTable
CREATE TABLE "PermissionSetAssignment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "principalKind" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PermissionSetAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PermissionSetAssignment_workspaceId_principalKind_principal_idx" ON "PermissionSetAssignment"("workspaceId", "principalKind", "principalId");

-- CreateIndex
CREATE UNIQUE INDEX "PermissionSetAssignment_setId_principalKind_principalId_key" ON "PermissionSetAssignment"("setId", "principalKind", "principalId");

-- AddForeignKey
ALTER TABLE "PermissionSetAssignment" ADD CONSTRAINT "PermissionSetAssignment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermissionSetAssignment" ADD CONSTRAINT "PermissionSetAssignment_setId_fkey" FOREIGN KEY ("setId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;
