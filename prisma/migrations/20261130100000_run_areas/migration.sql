-- A score run keeps the wards as it saw them (populations and peer values), so a release's
-- population weights are frozen with it. Older runs have none and fall back to the live table.

-- AlterTable
ALTER TABLE "ScoreRun" ADD COLUMN     "areas" JSONB;
