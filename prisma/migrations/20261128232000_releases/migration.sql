-- Score runs, releases (four-eyes review, immutable once approved), comments, notifications
-- and the email outbox. Written in the form `prisma migrate diff` produces, plus the database
-- guards Prisma cannot express (triggers at the end).

-- AlterTable
ALTER TABLE "Area" ADD COLUMN     "peerValue" DOUBLE PRECISION;

-- CreateEnum
CREATE TYPE "ScoreRunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "ReleaseState" AS ENUM ('draft', 'submitted', 'changes_requested', 'approved', 'superseded', 'withdrawn');

-- CreateTable
CREATE TABLE "ScoreRun" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "frameworkEditionId" TEXT NOT NULL,
    "periods" INTEGER[],
    "options" JSONB NOT NULL,
    "status" "ScoreRunStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "engineVersion" TEXT,
    "inputHash" TEXT,
    "result" JSONB,
    "datasetIds" TEXT[],
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "scoreRunId" TEXT NOT NULL,
    "state" "ReleaseState" NOT NULL DEFAULT 'draft',
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "createdById" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "publishAt" TIMESTAMP(3),
    "supersededById" TEXT,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseComment" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "areaCode" TEXT,
    "scoreCode" TEXT,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScoreRun_councilId_createdAt_idx" ON "ScoreRun"("councilId", "createdAt");

-- CreateIndex
CREATE INDEX "ScoreRun_status_idx" ON "ScoreRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Release_scoreRunId_key" ON "Release"("scoreRunId");

-- CreateIndex
CREATE UNIQUE INDEX "Release_supersededById_key" ON "Release"("supersededById");

-- CreateIndex
CREATE INDEX "Release_councilId_state_idx" ON "Release"("councilId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Release_councilId_version_key" ON "Release"("councilId", "version");

-- CreateIndex
CREATE INDEX "ReleaseComment_releaseId_createdAt_idx" ON "ReleaseComment"("releaseId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_councilId_idx" ON "Notification"("councilId");

-- CreateIndex
CREATE INDEX "OutboxEmail_sentAt_idx" ON "OutboxEmail"("sentAt");

-- AddForeignKey
ALTER TABLE "ScoreRun" ADD CONSTRAINT "ScoreRun_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreRun" ADD CONSTRAINT "ScoreRun_frameworkEditionId_fkey" FOREIGN KEY ("frameworkEditionId") REFERENCES "FrameworkEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreRun" ADD CONSTRAINT "ScoreRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_scoreRunId_fkey" FOREIGN KEY ("scoreRunId") REFERENCES "ScoreRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseComment" ADD CONSTRAINT "ReleaseComment_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseComment" ADD CONSTRAINT "ReleaseComment_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseComment" ADD CONSTRAINT "ReleaseComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseComment" ADD CONSTRAINT "ReleaseComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ReleaseComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards Prisma cannot express. Each function is listed in lib/db/guards.ts.

-- Four-eyes and immutability of releases, enforced in the database whatever the application does:
--  * approval needs a reviewer of the council who neither submitted the release nor loaded any
--    dataset its score run used;
--  * an approved (or superseded) release never changes, except that an approved one may become
--    superseded by a newer release; it can never be deleted.
CREATE FUNCTION "release_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  datasets TEXT[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."state" IN ('approved', 'superseded') THEN
      RAISE EXCEPTION 'Release % is published and cannot be deleted', OLD."id" USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."state" IN ('approved', 'superseded') THEN
    IF OLD."state" = 'approved' AND NEW."state" = 'superseded' AND NEW."supersededById" IS NOT NULL
       AND (NEW."id", NEW."councilId", NEW."version", NEW."scoreRunId", NEW."title", NEW."notes", NEW."createdById",
            NEW."submittedById", NEW."submittedAt", NEW."approvedById", NEW."approvedAt", NEW."publishAt", NEW."createdAt")
           IS NOT DISTINCT FROM
           (OLD."id", OLD."councilId", OLD."version", OLD."scoreRunId", OLD."title", OLD."notes", OLD."createdById",
            OLD."submittedById", OLD."submittedAt", OLD."approvedById", OLD."approvedAt", OLD."publishAt", OLD."createdAt") THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Release % is approved and immutable: publish a correction as a new release', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."state" = 'approved' THEN
    IF NEW."approvedById" IS NULL OR NEW."submittedById" IS NULL THEN
      RAISE EXCEPTION 'An approval records both the submitter and the approver' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."approvedById" = NEW."submittedById" THEN
      RAISE EXCEPTION 'Four-eyes: the submitter cannot approve their own release' USING ERRCODE = 'check_violation';
    END IF;
    SELECT r."datasetIds" INTO datasets FROM "ScoreRun" r WHERE r."id" = NEW."scoreRunId";
    IF EXISTS (SELECT 1 FROM "Dataset" d WHERE d."id" = ANY(COALESCE(datasets, ARRAY[]::TEXT[])) AND d."loadedById" = NEW."approvedById") THEN
      RAISE EXCEPTION 'Four-eyes: the approver loaded data this release uses' USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."councilId" = NEW."councilId" AND m."userId" = NEW."approvedById"
                   AND 'reviewer' = ANY(m."roles")) THEN
      RAISE EXCEPTION 'Only a reviewer of the council can approve its release' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Release_guard" BEFORE UPDATE OR DELETE ON "Release"
  FOR EACH ROW EXECUTE FUNCTION "release_guard"();

-- An approved release's scores live in its score run: that run can no longer change or go.
CREATE FUNCTION "score_run_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Release" r WHERE r."scoreRunId" = OLD."id" AND r."state" IN ('approved', 'superseded')) THEN
    RAISE EXCEPTION 'Score run % belongs to an approved release and is immutable', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "ScoreRun_guard" BEFORE UPDATE OR DELETE ON "ScoreRun"
  FOR EACH ROW EXECUTE FUNCTION "score_run_guard"();
