/**
 * Seeded synthetic frameworks and observations for property tests, golden files and
 * benchmarks (no new dependencies). Values follow a latent "area quality" plus noise,
 * so indicators within a component correlate as in real SPI data.
 */
import { createRng } from "../rng";
import type { TFramework, TObservation, TObservationColumns, TWeighting } from "../types";

export interface TSyntheticFrameworkSpec {
  dimensions?: number;
  componentsPerDimension?: number;
  /** Indicators per component; cycles if shorter than the number of components. */
  indicatorsPerComponent?: number[];
  weighting?: TWeighting;
  clamp?: boolean;
}

/** Indicator i of component c is coded `c{c}i{i}`; every third is "lower is better". */
export function syntheticFramework(spec: TSyntheticFrameworkSpec = {}): TFramework {
  const nd = spec.dimensions ?? 3;
  const nc = spec.componentsPerDimension ?? 4;
  const ks = spec.indicatorsPerComponent ?? [3, 4, 5];
  let c = 0, g = 0;
  return {
    id: "synthetic",
    edition: "test-1",
    name: "Synthetic framework",
    clamp: spec.clamp,
    dimensions: Array.from({ length: nd }, (_, d) => ({
      code: `d${d}`,
      name: `Dimension ${d}`,
      components: Array.from({ length: nc }, () => {
        const k = ks[c % ks.length];
        const comp = {
          code: `c${c}`,
          name: `Component ${c}`,
          weighting: spec.weighting,
          indicators: Array.from({ length: k }, (_, i) => {
            const dir = (g++ % 3 === 2 ? -1 : 1) as 1 | -1;
            return { code: `c${c}i${i}`, name: `Indicator ${c}.${i}`, unit: "%", direction: dir, utopia: dir > 0 ? 100 : 0, dystopia: dir > 0 ? 0 : 100 };
          }),
        };
        c++;
        return comp;
      }),
    })),
  };
}

export interface TSyntheticDataSpec {
  areas: number;
  periods: number;
  startYear?: number;
  /** Share of values left missing (default 0.03). */
  missing?: number;
  seed?: number;
}

/** Deterministic observations in the columnar form (fast for large runs). */
export function syntheticColumns(fw: TFramework, spec: TSyntheticDataSpec): TObservationColumns {
  const rng = createRng(spec.seed ?? 7);
  const inds = fw.dimensions.flatMap((d) => d.components.flatMap((c) => c.indicators));
  const nA = spec.areas, nP = spec.periods, nI = inds.length;
  const n = nA * nP * nI;
  const cols: TObservationColumns = {
    areaCodes: Array.from({ length: nA }, (_, a) => `A${String(a).padStart(6, "0")}`),
    indicatorCodes: inds.map((i) => i.code),
    area: new Int32Array(n),
    indicator: new Int32Array(n),
    period: new Int32Array(n),
    value: new Float64Array(n),
    length: n,
  };
  const missing = spec.missing ?? 0.03;
  let r = 0;
  for (let a = 0; a < nA; a++) {
    const quality = rng.normal();
    for (let p = 0; p < nP; p++) {
      const trend = 0.05 * p * rng.normal();
      for (let i = 0; i < nI; i++) {
        const ind = inds[i];
        const good = 50 + 15 * (quality + trend) + 8 * rng.normal();
        cols.area[r] = a;
        cols.indicator[r] = i;
        cols.period[r] = (spec.startYear ?? 2015) + p;
        cols.value[r] = rng.next() < missing ? NaN : ind.direction > 0 ? good : 100 - good;
        r++;
      }
    }
  }
  return cols;
}

/** The same data as an array of observation objects (null = missing). */
export function syntheticObservations(fw: TFramework, spec: TSyntheticDataSpec): TObservation[] {
  const c = syntheticColumns(fw, spec);
  const out: TObservation[] = new Array(c.length);
  for (let r = 0; r < c.length; r++)
    out[r] = { area: c.areaCodes[c.area[r]], indicator: c.indicatorCodes[c.indicator[r]], period: c.period[r], value: c.value[r] === c.value[r] ? c.value[r] : null };
  return out;
}

/** Fisher–Yates shuffle with a seed (returns a new array). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
