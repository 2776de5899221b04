-- AlterTable
ALTER TABLE "User" DROP COLUMN "sessionGeneration",
ADD COLUMN     "temporaryPasswordExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AgentToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Temporary passwords issued before they could expire get the 7 days from now (SPEC §16).
UPDATE "User" SET "temporaryPasswordExpiresAt" = now() + interval '7 days' WHERE "mustChangePassword" = true;
