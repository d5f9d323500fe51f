-- Ward facts: what the wards' peer covariate (Area.peerValue) measures and where it comes from,
-- recorded for the council when an officer loads an areas file with peer values.

-- AlterTable
ALTER TABLE "Council" ADD COLUMN     "peerCovariateLabel" TEXT,
ADD COLUMN     "peerCovariateSource" TEXT;
