/**
 * One-off generator for prisma/seed-data/ (boundaries + ward populations).
 * Run: npx tsx scripts/data/build-seed-data.ts   (needs ../shared/data/london; not run by CI)
 */
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { num, readRecords, toCsv } from "./csv";
import { repoRoot, requireSharedLondonDir } from "./shared-source";

const FOCUS_BOROUGHS = ["E09000002", "E09000016"]; // Barking and Dagenham, Havering
const src = requireSharedLondonDir();
const out = resolve(repoRoot, "prisma/seed-data");

for (const [from, to] of [
  ["lbbd_havering_wards_2013.geojson", "wards-2013.geojson"],
  ["london_wards_2013.geojson", "london-wards-2013.geojson"],
]) {
  copyFileSync(resolve(src, from), resolve(out, to));
  chmodSync(resolve(out, to), 0o644); // the shared source files are read-only
}

// Year → [column, source label]. Mid-year estimates where they exist, GLA series otherwise.
const series: Array<[number, string, string]> = [
  [
    2001,
    "pop_gla_est_proj__2001",
    "GLA ward estimate 2001 (census-based; rounded to 50)",
  ],
  ...[2002, 2004, 2006, 2008, 2010, 2011, 2012].map(
    (y): [number, string, string] => [
      y,
      `pop_mye_all__${y}`,
      "ONS mid-year estimate (via GLA ward atlas)",
    ],
  ),
  [
    2013,
    "pop_mye_all__2013",
    "ONS mid-year estimate (via GLA ward atlas; rounded to 50)",
  ],
  ...[2014, 2015, 2016].map((y): [number, string, string] => [
    y,
    `pop_gla_est_proj__${y}`,
    "GLA ward population projection (unrounded)",
  ]),
  ...[2018, 2023, 2028].map((y): [number, string, string] => [
    y,
    `pop_gla_est_proj__${y}`,
    "GLA ward population projection (rounded to 50)",
  ]),
];

const recs = readRecords(
  readFileSync(resolve(src, "ward_population_2001_2028.csv"), "utf8"),
);
const wards = recs.filter((r) => FOCUS_BOROUGHS.includes(r.lad_code));
if (wards.length !== 35)
  throw new Error(`expected 35 focus wards, got ${wards.length}`);

const rows: Array<Array<string | number>> = [
  ["area_code", "year", "population", "source"],
];
for (const w of wards) {
  for (const [year, col, label] of series) {
    const v = num(w[col]);
    if (v !== null) rows.push([w.ward_code, year, v, label]);
  }
}
for (const lad of FOCUS_BOROUGHS) {
  const members = wards.filter((w) => w.lad_code === lad);
  for (const [year, col, label] of series) {
    const vals = members.map((w) => num(w[col]));
    if (vals.some((v) => v === null)) continue;
    const total = vals.reduce<number>((a, v) => a + (v ?? 0), 0);
    rows.push([
      lad,
      year,
      Math.round(total),
      `Sum of ${members.length} wards: ${label}`,
    ]);
  }
}
writeFileSync(resolve(out, "ward-populations.csv"), toCsv(rows));
console.log(
  `wrote ${rows.length - 1} population rows and 2 GeoJSON files to ${out}`,
);
