/**
 * Writes a synthetic national-scale observations CSV (+ framework and areas) for the
 * CLI benchmark: 7,273 areas × 55 indicators × 10 periods ≈ 4.0 M rows by default.
 *   npx tsx bench/gen-observations.ts [--areas 7000] [--periods 10] [--dir .data/bench]
 * Output goes to a gitignored folder. Deterministic (seeded).
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { syntheticColumns, syntheticFramework } from "../lib/spi/__fixtures__/synthetic";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const areas = Number(arg("areas", "7273")); // 7,273 × 55 × 10 ≈ 4.0 M rows
const periods = Number(arg("periods", "10"));
const dir = arg("dir", ".data/bench");

/** 12 components, 55 indicators, PCA weights: the national-scale shape. */
export const NATIONAL_SHAPE = { indicatorsPerComponent: [4, 5, 5, 4, 5, 4, 5, 4, 5, 4, 5, 5], weighting: "pca" as const };

async function main() {
  mkdirSync(dir, { recursive: true });
  const fw = syntheticFramework(NATIONAL_SHAPE);
  const cols = syntheticColumns(fw, { areas, periods });
  writeFileSync(path.join(dir, "framework.json"), JSON.stringify(fw, null, 2));
  const areaLines = ["area_code,area_name,parent_code,population,peer_value"];
  cols.areaCodes.forEach((c, i) => areaLines.push(`${c},Area ${i},P${String(i % 300).padStart(3, "0")},${1000 + ((i * 7919) % 9000)},${((i * 104729) % 10007) / 100}`));
  writeFileSync(path.join(dir, "areas.csv"), areaLines.join("\n") + "\n");
  const file = path.join(dir, "observations.csv");
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("area_code,indicator_code,period,value\n");
  let buf = "";
  for (let r = 0; r < cols.length; r++) {
    const v = cols.value[r];
    buf += `${cols.areaCodes[cols.area[r]]},${cols.indicatorCodes[cols.indicator[r]]},${cols.period[r]},${Number.isNaN(v) ? "" : v.toFixed(4)}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  console.log(`wrote ${cols.length} rows to ${file}`);
}

if (process.argv[1] && process.argv[1].endsWith("gen-observations.ts")) void main();
