/**
 * Regenerates the small committed fixtures (framework, observations, areas):
 *   npx tsx lib/spi/__fixtures__/make-small.ts
 * Deterministic (seeded), so re-running gives the same files.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRng } from "../rng";
import { syntheticFramework, syntheticObservations } from "./synthetic";

const dir = path.dirname(fileURLToPath(import.meta.url));
const fw = syntheticFramework({ dimensions: 3, componentsPerDimension: 2, indicatorsPerComponent: [3, 4, 2] });
fw.id = "small";
fw.edition = "fixture-1";
fw.name = "Small fixture framework";
const comps = fw.dimensions.flatMap((d) => d.components);
comps[1].weighting = "pca";
comps[2].weighting = { fixed: { c2i0: 2, c2i1: 1 } };
comps[3].indicators[0].transform = [{ floor: 1 }, { log: true }];
comps[3].indicators[0].utopia = Math.log(100);
comps[3].indicators[0].dystopia = 0;
const obs = syntheticObservations(fw, { areas: 12, periods: 3, startYear: 2019, missing: 0.08, seed: 11 });
const rng = createRng(4);
const lines = ["area_code,indicator_code,period,value,note"];
for (const o of obs) lines.push(`${o.area},${o.indicator},${o.period},${o.value === null ? "" : o.value.toFixed(3)},${rng.next() < 0.05 ? '"has, comma"' : ""}`);
writeFileSync(path.join(dir, "small-framework.json"), JSON.stringify(fw, null, 2) + "\n");
writeFileSync(path.join(dir, "small-observations.csv"), lines.join("\n") + "\n");
const areas = ["area_code,area_name,parent_code,population,peer_value"];
for (let a = 0; a < 12; a++) areas.push(`A${String(a).padStart(6, "0")},Ward ${a},${a < 6 ? "B1" : "B2"},${1000 + 250 * a},${((a * 37) % 11) / 10}`);
writeFileSync(path.join(dir, "small-areas.csv"), areas.join("\n") + "\n");
