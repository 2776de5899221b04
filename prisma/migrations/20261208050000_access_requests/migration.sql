-- AlterTable
ALTER TABLE "Agent" ADD COLUMN "sponsorMemberId" TEXT;

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "requesterKind" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesterLabel" TEXT NOT NULL,
    "sponsorMemberId" TEXT,
    "permission" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "periodSeconds" INTEGER,
    "until" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "decidedById" TEXT,
    "decidedByLabel" TEXT,
    "decisionReason" TEXT,
    "decidedAt" DATETIME,
    "setId" TEXT,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccessRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (docs/reference.md §18: the longest period an access request may ask for)
ALTER TABLE "Workspace" ADD COLUMN "accessRequestMaxHours" INTEGER NOT NULL DEFAULT 168;

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequest_openKey_key" ON "AccessRequest"("openKey");

-- CreateIndex
CREATE INDEX "AccessRequest_workspaceId_status_createdAt_idx" ON "AccessRequest"("workspaceId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "AccessRequest_workspaceId_requesterKind_requesterId_idx" ON "AccessRequest"("workspaceId", "requesterKind", "requesterId");

