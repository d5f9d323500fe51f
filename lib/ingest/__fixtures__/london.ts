import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAreasCsv, validateFramework } from "../../spi";
import { contextFromFramework } from "../context";
import type { TIngestContext } from "../types";

/*
 * Test context from the real London framework (edition 2015.1) and 2013 wards: the
 * council is Barking and Dagenham (E09000002, 17 wards); every other London ward is
 * "another council's" so messages can name Havering.
 */

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../../..");
export const frameworkDir = path.join(root, "data/frameworks/london-wards-2015");
export const badDir = path.join(here, "bad");
export const goodDir = path.join(here, "good");

export function loadFramework() {
  const v = validateFramework(JSON.parse(readFileSync(path.join(frameworkDir, "framework.json"), "utf8")));
  if (!v.ok) throw new Error("framework invalid");
  return v.framework;
}

export function londonContext(extra: Partial<TIngestContext> = {}): TIngestContext {
  const areas = parseAreasCsv(readFileSync(path.join(frameworkDir, "areas.csv"), "utf8")).areas;
  const geo = JSON.parse(readFileSync(path.join(root, "prisma/seed-data/london-wards-2013.geojson"), "utf8")) as { features: Array<{ properties: { ward_code: string; ward_name: string; lad_code: string; lad_name: string } }> };
  const lbbd = areas.filter((a) => a.parent === "E09000002");
  const others = geo.features
    .map((f) => f.properties)
    .filter((p) => p.lad_code !== "E09000002")
    .map((p) => ({ code: p.ward_code, name: p.ward_name, vintage: "2013", councilName: p.lad_name === "Havering" ? "London Borough of Havering" : p.lad_name }));
  return { ...contextFromFramework(loadFramework(), lbbd, { periodRange: { min: 2001, max: 2016 }, vintage: "2013", otherAreas: others }), councilName: "London Borough of Barking and Dagenham", ...extra };
}

/** Real LBBD rows of the London observations, optionally filtered. */
export function lbbdRows(filter: (r: { area: string; indicator: string; period: number }) => boolean = () => true): string[] {
  const text = readFileSync(path.join(frameworkDir, "observations-lbbd-havering.csv"), "utf8");
  const lbbd = new Set(londonContext().areas.map((a) => a.code));
  return text
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "")
    .filter((l) => {
      const [area, indicator, period] = l.split(",");
      return lbbd.has(area) && filter({ area, indicator, period: Number(period) });
    });
}
