import type { TIssueSink } from "./issues";
import type { TStore } from "./store";
import type { TIngestContext } from "./types";

/*
 * Checks across rows, run once after reading: duplicates (and the person-level shape
 * they reveal), robust outliers among wards, and implausible year-on-year changes.
 * Everything works on sorted index arrays over the typed columns: no per-row objects.
 */

/** Indices 0..n-1 sorted by key(i) (ties by index), using a native numeric sort when the composite fits in a double. */
function sortBy(n: number, key: (i: number) => number, maxKey: number): Uint32Array {
  if ((maxKey + 1) * n < 2 ** 52) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = key(i) * n + i;
    c.sort();
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i] % n;
    return out;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = key(i);
  return new Uint32Array(n).map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
}

function medianOf(a: Float64Array): number {
  a.sort();
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

export interface TDuplicateScan {
  /** 1 = row folded into an earlier one (or conflicting): not an observation. */
  skip: Uint8Array;
  distinctKeys: number;
  maxPerKey: number;
}

export function checkDuplicates(s: TStore, sink: TIssueSink, areaCodes: string[], indicatorCodes: string[], valueColumn: string | null): TDuplicateScan {
  const n = s.n;
  const skip = new Uint8Array(n);
  if (n === 0) return { skip, distinctKeys: 0, maxPerKey: 0 };
  let pmin = Infinity, pmax = -Infinity;
  for (let i = 0; i < n; i++) {
    if (s.period[i] < pmin) pmin = s.period[i];
    if (s.period[i] > pmax) pmax = s.period[i];
  }
  const P = pmax - pmin + 1, A = areaCodes.length;
  const key = (i: number) => (s.indicator[i] * P + (s.period[i] - pmin)) * A + s.area[i];
  const order = sortBy(n, key, indicatorCodes.length * P * A);
  let distinct = 0, maxPer = 0;
  for (let g = 0; g < n; ) {
    const first = order[g];
    const k0 = key(first);
    let h = g + 1;
    while (h < n && key(order[h]) === k0) h++;
    distinct++;
    maxPer = Math.max(maxPer, h - g);
    for (let j = g + 1; j < h; j++) {
      const i = order[j];
      skip[i] = 1;
      const a = s.value[first], b = s.value[i];
      const same = a === b || (a !== a && b !== b);
      const tag = { area: areaCodes[s.area[i]], indicator: indicatorCodes[s.indicator[i]], period: s.period[i] };
      const what = `${tag.area}, ${tag.indicator}, ${tag.period}`;
      if (same) sink.add({ row: s.row[i], column: valueColumn, code: "DUPLICATE_SAME", severity: "warning", message: `row repeats (${what}) of row ${s.row[first]} with the same value: kept once`, ...tag });
      else sink.add({ row: s.row[i], column: valueColumn, code: "DUPLICATE_CONFLICT", severity: "error", message: `row repeats (${what}) of row ${s.row[first]} with a different value (${Number.isNaN(b) ? "missing" : b} vs ${Number.isNaN(a) ? "missing" : a})`, suggestion: "Keep one row per ward, indicator and period.", ...tag });
    }
    g = h;
  }
  return { skip, distinctKeys: distinct, maxPerKey: maxPer };
}

/** Modified z-score threshold (Iglewicz & Hoaglin), as the engine's diagnostics use. */
export const OUTLIER_Z = 3.5;

/** Robust outliers among the wards of each indicator + period (at least 5 wards, MAD > 0). */
export function checkOutliers(s: TStore, skip: Uint8Array, sink: TIssueSink, areaCodes: string[], indicatorCodes: string[], valueColumn: string | null): void {
  const n = s.n;
  if (n === 0) return;
  let pmin = Infinity, pmax = -Infinity;
  for (let i = 0; i < n; i++) {
    pmin = Math.min(pmin, s.period[i]);
    pmax = Math.max(pmax, s.period[i]);
  }
  const P = pmax - pmin + 1;
  const key = (i: number) => s.indicator[i] * P + (s.period[i] - pmin);
  const order = sortBy(n, key, indicatorCodes.length * P);
  const buf = new Float64Array(n);
  for (let g = 0; g < n; ) {
    const k0 = key(order[g]);
    let h = g;
    let m = 0;
    while (h < n && key(order[h]) === k0) {
      const i = order[h++];
      if (!skip[i] && s.value[i] === s.value[i]) buf[m++] = s.value[i];
    }
    if (m >= 5) {
      const vals = buf.slice(0, m);
      const med = medianOf(vals);
      for (let j = 0; j < m; j++) vals[j] = Math.abs(vals[j] - med);
      const mad = medianOf(vals);
      if (mad > 0) {
        for (let j = g; j < h; j++) {
          const i = order[j];
          const v = s.value[i];
          if (skip[i] || v !== v) continue;
          const z = (0.6745 * (v - med)) / mad;
          if (Math.abs(z) > OUTLIER_Z) {
            const tag = { area: areaCodes[s.area[i]], indicator: indicatorCodes[s.indicator[i]], period: s.period[i] };
            sink.add({ row: s.row[i], column: valueColumn, code: "OUTLIER_WARD", severity: "warning", message: `value ${v} for ${tag.area} is far from the other wards' values for ${tag.indicator} in ${tag.period} (median ${+med.toPrecision(4)}, robust z ${z.toFixed(1)})`, suggestion: "Check the value (units, decimal point, wrong column); if it is right, acknowledge the warning.", ...tag });
          }
        }
      }
    }
    g = h;
  }
}

/** A change is implausible when its per-year size exceeds this multiple of the indicator's median per-year change. */
export const CHANGE_FACTOR = 3;

/**
 * Year-on-year plausibility: each uploaded value against the ward's latest earlier value
 * (from this upload or the council's data already loaded), per year of gap.
 */
export function checkChanges(s: TStore, skip: Uint8Array, ctx: TIngestContext, sink: TIssueSink, areaCodes: string[], indicatorCodes: string[], valueColumn: string | null): void {
  const aIdx = new Map(areaCodes.map((c, k) => [c, k]));
  const iIdx = new Map(indicatorCodes.map((c, k) => [c, k]));
  const prev = (ctx.previous ?? []).filter((o) => aIdx.has(o.area) && iIdx.has(o.indicator) && Number.isFinite(o.value));
  const n = s.n, m = n + prev.length;
  if (n === 0) return;
  const ind = new Int32Array(m), area = new Int32Array(m), per = new Int32Array(m), val = new Float64Array(m);
  let pmin = Infinity, pmax = -Infinity;
  for (let i = 0; i < m; i++) {
    if (i < n) [ind[i], area[i], per[i], val[i]] = [s.indicator[i], s.area[i], s.period[i], skip[i] ? NaN : s.value[i]];
    else {
      const o = prev[i - n];
      [ind[i], area[i], per[i], val[i]] = [iIdx.get(o.indicator)!, aIdx.get(o.area)!, o.period, o.value];
    }
    pmin = Math.min(pmin, per[i]);
    pmax = Math.max(pmax, per[i]);
  }
  const P = pmax - pmin + 1, A = areaCodes.length;
  const series = (i: number) => ind[i] * A + area[i];
  const order = sortBy(m, (i) => series(i) * P + (per[i] - pmin), indicatorCodes.length * A * P);
  // pairs: (current index, per-year change), per indicator
  const pairsFrom: number[] = [], pairsChange: number[] = [], pairsPrev: number[] = [];
  const byIndicator: number[][] = indicatorCodes.map(() => []);
  let last = -1;
  for (let j = 0; j < m; j++) {
    const i = order[j];
    if (val[i] !== val[i]) continue;
    if (last >= 0 && series(last) === series(i) && per[last] < per[i]) {
      const c = Math.abs(val[i] - val[last]) / (per[i] - per[last]);
      byIndicator[ind[i]].push(c);
      if (i < n) {
        pairsFrom.push(i);
        pairsChange.push(c);
        pairsPrev.push(last);
      }
    }
    // an upload value replaces a previous value for the same period (ordered by index: upload first)
    if (last < 0 || series(last) !== series(i) || per[last] !== per[i]) last = i;
  }
  const typical = byIndicator.map((cs) => (cs.length >= 5 ? medianOf(Float64Array.from(cs)) : 0));
  for (let q = 0; q < pairsFrom.length; q++) {
    const i = pairsFrom[q], t = typical[ind[i]];
    if (t > 0 && pairsChange[q] > CHANGE_FACTOR * t) {
      const p0 = pairsPrev[q];
      const tag = { area: areaCodes[area[i]], indicator: indicatorCodes[ind[i]], period: per[i] };
      sink.add({ row: s.row[i], column: valueColumn, code: "OUTLIER_CHANGE", severity: "warning", message: `${tag.area} ${tag.indicator} changes from ${val[p0]} (${per[p0]}) to ${val[i]} (${per[i]}): ${+pairsChange[q].toPrecision(3)} a year, over ${CHANGE_FACTOR}× the typical change across wards (${+t.toPrecision(3)} a year)`, suggestion: "Check the value and its period; if it is right, acknowledge the warning.", ...tag });
    }
  }
}
