/**
 * One-off generator for data/frameworks/london-wards-2015/ (framework.json, observations,
 * areas, README). Reads ../shared/data/london (GLA Ward Profiles and Atlas 2015) and stops
 * with a clear message when it is absent. Not run by CI; its outputs are committed.
 *
 * Run: npx tsx scripts/data/build-london-framework.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  proposeBounds,
  type TransformStep,
} from "../../lib/spi/propose-bounds";
import { toCsv } from "./csv";
import { ALL_INDICATORS, DIMENSIONS } from "./london-indicators";
import { renderReadme, type BuiltIndicator } from "./london-readme";
import { loadAtlas, series, tailSteps, type Obs } from "./london-source";
import { repoRoot, requireSharedLondonDir } from "./shared-source";

const FOCUS = ["E09000002", "E09000016"]; // Barking and Dagenham, Havering
const OUT = resolve(repoRoot, "data/frameworks/london-wards-2015");
const sig = (v: number, p = 6) => Number(v.toPrecision(p));

const src = requireSharedLondonDir();
const ctx = loadAtlas(src);
const lad = new Map(ctx.wards.map((w) => [w.code, w.ladCode]));

// 1. Derive every indicator for all 625 wards and check plausibility.
const problems: string[] = [];
const built = ALL_INDICATORS.map((def) => {
  const obs = def.derive(ctx).filter((o) => Number.isFinite(o.value));
  for (const o of obs) {
    if (o.value < def.plausible[0] || o.value > def.plausible[1]) {
      problems.push(
        `${def.code} ${o.area} ${o.period}: ${o.value} outside ${def.plausible.join("–")}`,
      );
    }
  }
  const seen = new Set<string>();
  for (const o of obs) {
    const k = `${o.area}|${o.period}`;
    if (seen.has(k)) problems.push(`${def.code}: duplicate ${k}`);
    seen.add(k);
  }
  const steps: TransformStep[] = tailSteps(obs, def.capP99 ?? false);
  const transform = steps.length > 0 ? steps : undefined;
  return { def, obs, transform };
});
if (problems.length > 0) {
  console.error(
    `ERROR: ${problems.length} implausible or duplicate values:\n${problems.slice(0, 30).join("\n")}`,
  );
  process.exit(1);
}

// 2. Bounds from all 625 wards and all years, proposed by lib/spi/propose-bounds.
const bounds = proposeBounds({
  indicators: built.map((b) => ({
    code: b.def.code,
    unit: b.def.unit,
    direction: b.def.direction,
    transform: b.transform,
  })),
  observations: built.flatMap((b) =>
    b.obs.map((o) => ({
      area: o.area,
      indicator: b.def.code,
      period: o.period,
      value: o.value,
    })),
  ),
});
const boundsBy = new Map(bounds.map((b) => [b.indicator, b]));
const results: BuiltIndicator[] = built.map((b) => {
  const bd = boundsBy.get(b.def.code);
  if (!bd || !Number.isFinite(bd.utopia) || !Number.isFinite(bd.dystopia))
    throw new Error(`no bounds for ${b.def.code}`);
  const capNote = tailNote(b.transform, b.def.capP99 ?? false);
  return {
    ...b,
    utopia: sig(bd.utopia, 6),
    dystopia: sig(bd.dystopia, 6),
    natural: bd.natural,
    rationale: bd.rationale + capNote,
  };
});
function tailNote(steps: TransformStep[] | undefined, capP99: boolean): string {
  const parts = (steps ?? []).map((s) =>
    "floor" in s
      ? `floored at ${s.floor} (1st percentile)`
      : "cap" in s
        ? `capped at ${s.cap} (99th percentile)`
        : "",
  );
  if (parts.length === 0) return "";
  const why = capP99
    ? "resident-based rates explode in central wards with few residents and many visitors"
    : "a few small-ward outliers would otherwise stretch the scale by more than a quarter of its central range";
  return ` Values are ${parts.join(" and ")} of all London ward values over all years, because ${why}.`;
}
const resultBy = new Map(results.map((r) => [r.def.code, r]));

// 3. framework.json in the engine's standard format.
const framework = {
  id: "london-wards-2015",
  edition: "2015.1",
  name: "London wards 2015",
  clamp: true,
  carryForwardYears: 2,
  dimensions: DIMENSIONS.map((d) => ({
    code: d.code,
    name: d.name,
    components: d.components.map((c) => ({
      code: c.code,
      name: c.name,
      weighting: "equal",
      maxMissing: 1,
      indicators: c.indicators.map((i) => {
        const r = resultBy.get(i.code)!;
        return {
          code: i.code,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          utopia: r.utopia,
          dystopia: r.dystopia,
          ...(r.transform ? { transform: r.transform } : {}),
          source: `GLA Ward Profiles and Atlas 2015 (ward-atlas-data.csv): ${i.source}`,
          boundsRationale: r.rationale,
        };
      }),
    })),
  })),
};

// 4. Observations (raw, untransformed values), areas.
mkdirSync(OUT, { recursive: true });
writeFileSync(
  resolve(OUT, "framework.json"),
  JSON.stringify(framework, null, 2) + "\n",
);
const obsRows = (keep: (area: string) => boolean) => {
  const rows: Array<Array<string | number>> = [
    ["area_code", "indicator_code", "period", "value"],
  ];
  for (const r of results) {
    const sorted = [...r.obs].sort(
      (a, b) => a.area.localeCompare(b.area) || a.period - b.period,
    );
    for (const o of sorted)
      if (keep(o.area)) rows.push([o.area, r.def.code, o.period, sig(o.value)]);
  }
  return rows;
};
const london = obsRows(() => true);
const focus = obsRows((a) => FOCUS.includes(lad.get(a) ?? ""));
writeFileSync(resolve(OUT, "observations-london.csv"), toCsv(london));
writeFileSync(resolve(OUT, "observations-lbbd-havering.csv"), toCsv(focus));

type Feature = { properties: { ward_code: string; ward_name: string } };
const geo = JSON.parse(
  readFileSync(resolve(src, "london_wards_2013.geojson"), "utf8"),
) as { features: Feature[] };
const onsName = new Map(
  geo.features.map((f) => [f.properties.ward_code, f.properties.ward_name]),
);
const income = new Map(
  series(ctx, "hh_income_median")
    .filter((o) => o.period === 2013)
    .map((o) => [o.area, o.value]),
);
const areaRows: Array<Array<string | number>> = [
  ["area_code", "area_name", "parent_code", "population", "peer_value"],
];
for (const w of ctx.wards) {
  const pop = ctx.value(w.code, "pop_mye_all__2013");
  const inc = income.get(w.code);
  if (pop === null || inc === undefined)
    throw new Error(`missing population or income for ${w.code}`);
  // the City of London's one ward unit is the borough itself (same code): no parent
  const parent = w.ladCode === w.code ? "" : w.ladCode;
  areaRows.push([w.code, onsName.get(w.code) ?? w.name, parent, pop, inc]);
}
writeFileSync(resolve(OUT, "areas.csv"), toCsv(areaRows));

// 5. README with the indicator table and LBBD coverage.
const lbbdWards = ctx.wards
  .filter((w) => w.ladCode === "E09000002")
  .map((w) => w.code);
writeFileSync(
  resolve(OUT, "README.md"),
  renderReadme({
    results,
    dimensions: DIMENSIONS,
    lbbdWards,
    populationSources: ctx.populationSources,
    rowCounts: {
      london: london.length - 1,
      focus: focus.length - 1,
      areas: areaRows.length - 1,
    },
  }),
);

const count = (obs: Obs[]) => new Set(obs.map((o) => o.area)).size;
console.log(
  `framework: ${results.length} indicators in ${DIMENSIONS.reduce((n, d) => n + d.components.length, 0)} components`,
);
for (const r of results)
  console.log(
    `  ${r.def.code.padEnd(26)} wards=${count(r.obs)} U=${r.utopia} D=${r.dystopia}${r.natural ? " (natural)" : ""}${r.transform ? ` cap=${JSON.stringify(r.transform)}` : ""}`,
  );
console.log(
  `observations: london=${london.length - 1}, lbbd+havering=${focus.length - 1}; areas=${areaRows.length - 1} → ${OUT}`,
);
