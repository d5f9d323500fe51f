-- Uploads: framework editions (platform-level), the upload wizard's state, the staged raw
-- file (deleted in the load transaction, on cancel, or after 24 hours), datasets,
-- observations (history kept; the latest dataset's value per cell is current) and the
-- council's remembered column mappings.
-- Written in the form `prisma migrate diff` produces; lib/db/schema-drift.test.ts
-- proves the result matches prisma/schema.prisma.

-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('started', 'uploaded', 'mapped', 'validated', 'loaded', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "UploadFormat" AS ENUM ('long', 'wide');

-- CreateTable
CREATE TABLE "FrameworkEdition" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "periodMin" INTEGER NOT NULL,
    "periodMax" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameworkEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "frameworkEditionId" TEXT NOT NULL,
    "status" "UploadStatus" NOT NULL DEFAULT 'started',
    "format" "UploadFormat" NOT NULL,
    "periods" INTEGER[],
    "filename" TEXT,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "contentType" TEXT,
    "sheet" TEXT,
    "mapping" JSONB,
    "report" JSONB,
    "warningsAcknowledgedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StagedFile" (
    "uploadId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StagedFile_pkey" PRIMARY KEY ("uploadId")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,
    "frameworkEditionId" TEXT NOT NULL,
    "loadedById" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "periods" INTEGER[],
    "rowCount" INTEGER NOT NULL,
    "observationCount" INTEGER NOT NULL,
    "droppedColumns" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" BIGSERIAL NOT NULL,
    "councilId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "lowerCi" DOUBLE PRECISION,
    "upperCi" DOUBLE PRECISION,
    "note" TEXT,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColumnMappingPreset" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "format" "UploadFormat" NOT NULL,
    "mapping" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ColumnMappingPreset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkEdition_code_edition_key" ON "FrameworkEdition"("code", "edition");

-- CreateIndex
CREATE INDEX "Upload_councilId_status_idx" ON "Upload"("councilId", "status");

-- CreateIndex
CREATE INDEX "Upload_status_expiresAt_idx" ON "Upload"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "StagedFile_councilId_idx" ON "StagedFile"("councilId");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_uploadId_key" ON "Dataset"("uploadId");

-- CreateIndex
CREATE INDEX "Dataset_councilId_frameworkEditionId_createdAt_idx" ON "Dataset"("councilId", "frameworkEditionId", "createdAt");

-- CreateIndex
CREATE INDEX "Observation_councilId_indicatorCode_period_idx" ON "Observation"("councilId", "indicatorCode", "period");

-- CreateIndex
CREATE INDEX "Observation_datasetId_idx" ON "Observation"("datasetId");

-- CreateIndex
CREATE UNIQUE INDEX "ColumnMappingPreset_councilId_format_key" ON "ColumnMappingPreset"("councilId", "format");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_frameworkEditionId_fkey" FOREIGN KEY ("frameworkEditionId") REFERENCES "FrameworkEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StagedFile" ADD CONSTRAINT "StagedFile_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StagedFile" ADD CONSTRAINT "StagedFile_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_frameworkEditionId_fkey" FOREIGN KEY ("frameworkEditionId") REFERENCES "FrameworkEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_loadedById_fkey" FOREIGN KEY ("loadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColumnMappingPreset" ADD CONSTRAINT "ColumnMappingPreset_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;
