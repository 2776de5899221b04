-- AlterTable
ALTER TABLE "Guardrail" ADD COLUMN     "memberId" TEXT,
ALTER COLUMN "roleId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Guardrail_memberId_idx" ON "Guardrail"("memberId");

-- AddForeignKey
ALTER TABLE "Guardrail" ADD CONSTRAINT "Guardrail_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "WorkspaceMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;
