-- docs/reference.md §20: SCIM tokens and groups, deactivated members, Group mappings (SCIM and OIDC)
-- AlterTable
ALTER TABLE "WorkspaceMember" ADD COLUMN "deactivatedAt" DATETIME;
ALTER TABLE "WorkspaceMember" ADD COLUMN "externalId" TEXT;

-- CreateTable
CREATE TABLE "ScimToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "creatorMemberId" TEXT NOT NULL,
    "creatorLabel" TEXT NOT NULL,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScimToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScimGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScimGroup_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScimGroupMember" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "memberId"),
    CONSTRAINT "ScimGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ScimGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScimGroupMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "WorkspaceMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GroupMapping_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMapping_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ScimToken_secretHash_key" ON "ScimToken"("secretHash");

-- CreateIndex
CREATE INDEX "ScimToken_workspaceId_idx" ON "ScimToken"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimGroup_workspaceId_nameKey_key" ON "ScimGroup"("workspaceId", "nameKey");

-- CreateIndex
CREATE INDEX "ScimGroupMember_memberId_idx" ON "ScimGroupMember"("memberId");

-- CreateIndex
CREATE INDEX "GroupMapping_grantId_idx" ON "GroupMapping"("grantId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupMapping_workspaceId_group_grantId_key" ON "GroupMapping"("workspaceId", "group", "grantId");

