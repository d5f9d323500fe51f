/**
 * Test-only: the real LBBD + Havering 2013 ward boundaries when the repo copy
 * exists (prisma/seed-data, committed by the seed-data work), else null so
 * tests can fall back to inline polygons. Never reads ../shared.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function loadRepoGeoJson(relativePath: string): unknown | null {
  const file = REPO_ROOT + relativePath;
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : null;
}

export const DEMO_WARDS_PATH = "prisma/seed-data/wards-2013.geojson";
export const LONDON_WARDS_PATH = "prisma/seed-data/london-wards-2013.geojson";
