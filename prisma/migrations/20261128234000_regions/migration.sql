-- Regions (platform-level regional bodies such as a health system) and councils' consent to
-- share their published releases with them. Written in the form `prisma migrate diff`
-- produces; lib/db/schema-drift.test.ts proves the result matches prisma/schema.prisma.

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionConsent" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "invitedById" TEXT,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "consentedById" TEXT,
    "consentedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegionConsent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_slug_key" ON "Region"("slug");

-- CreateIndex
CREATE INDEX "RegionConsent_regionId_idx" ON "RegionConsent"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegionConsent_councilId_regionId_key" ON "RegionConsent"("councilId", "regionId");

-- AddForeignKey
ALTER TABLE "RegionConsent" ADD CONSTRAINT "RegionConsent_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionConsent" ADD CONSTRAINT "RegionConsent_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionConsent" ADD CONSTRAINT "RegionConsent_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionConsent" ADD CONSTRAINT "RegionConsent_consentedById_fkey" FOREIGN KEY ("consentedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionConsent" ADD CONSTRAINT "RegionConsent_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
