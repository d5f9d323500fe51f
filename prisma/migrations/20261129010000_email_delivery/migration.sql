-- Email delivery: the outbox becomes a queue an SMTP sender works through, with retries.
-- Without SMTP configured the emails stay 'pending' and the operator reads them in the console.

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3);

UPDATE "OutboxEmail" SET "status" = 'sent' WHERE "sentAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");
