/** Loads the committed small fixtures (test helper). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAreasCsv, parseObservationsCsv } from "../csv";
import type { TFramework, TObservation } from "../types";

export const fixturesDir = path.dirname(fileURLToPath(import.meta.url));
export const read = (f: string) => readFileSync(path.join(fixturesDir, f), "utf8");

export function loadSmall() {
  const framework = JSON.parse(read("small-framework.json")) as TFramework;
  const parsed = parseObservationsCsv(read("small-observations.csv"));
  const c = parsed.columns;
  const observations: TObservation[] = Array.from({ length: c.length }, (_, r) => ({
    area: c.areaCodes[c.area[r]],
    indicator: c.indicatorCodes[c.indicator[r]],
    period: c.period[r],
    value: Number.isNaN(c.value[r]) ? null : c.value[r],
  }));
  const areas = parseAreasCsv(read("small-areas.csv")).areas;
  return { framework, observations, columns: c, areas, problems: parsed.problems };
}
