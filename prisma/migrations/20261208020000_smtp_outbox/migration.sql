-- AlterTable (docs/reference.md §20: e-mail over SMTP; without SMTP_URL a message stays "stored" in the outbox)
ALTER TABLE "OutboxMessage" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'stored';
ALTER TABLE "OutboxMessage" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxMessage" ADD COLUMN "nextAttemptAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedUntil" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "lastError" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "sentAt" DATETIME;

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
