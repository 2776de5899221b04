-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Guardrail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "roleId" TEXT,
    "memberId" TEXT,
    "mode" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "object" TEXT,
    "field" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "Guardrail_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Guardrail_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Guardrail_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "WorkspaceMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Guardrail" ("action", "createdAt", "createdBy", "field", "id", "mode", "object", "roleId", "workspaceId") SELECT "action", "createdAt", "createdBy", "field", "id", "mode", "object", "roleId", "workspaceId" FROM "Guardrail";
DROP TABLE "Guardrail";
ALTER TABLE "new_Guardrail" RENAME TO "Guardrail";
CREATE INDEX "Guardrail_workspaceId_idx" ON "Guardrail"("workspaceId");
CREATE INDEX "Guardrail_roleId_idx" ON "Guardrail"("roleId");
CREATE INDEX "Guardrail_memberId_idx" ON "Guardrail"("memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

