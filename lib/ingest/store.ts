import type { TCleanObservation } from "./types";

/*
 * Accepted observations in growable typed arrays (about 30 bytes a row instead of a
 * ~150-byte object), so a million-row file validates well inside the memory budget.
 * Objects are only built once, for the result.
 */

export interface TStore {
  n: number;
  area: Int32Array;
  indicator: Int32Array;
  period: Int32Array;
  /** NaN = missing. */
  value: Float64Array;
  row: Int32Array;
  extras: { numerator?: Float64Array; denominator?: Float64Array; lowerCi?: Float64Array; upperCi?: Float64Array };
  notes?: Map<number, string>;
  push(area: number, indicator: number, period: number, value: number, row: number): number;
}

export type TExtraField = "numerator" | "denominator" | "lowerCi" | "upperCi";

export function createStore(extraFields: TExtraField[], withNotes: boolean): TStore {
  let cap = 1 << 14;
  const s: TStore = {
    n: 0,
    area: new Int32Array(cap),
    indicator: new Int32Array(cap),
    period: new Int32Array(cap),
    value: new Float64Array(cap),
    row: new Int32Array(cap),
    extras: {},
    notes: withNotes ? new Map() : undefined,
    push(a, i, p, v, r) {
      if (s.n === cap) grow();
      const k = s.n++;
      s.area[k] = a;
      s.indicator[k] = i;
      s.period[k] = p;
      s.value[k] = v;
      s.row[k] = r;
      return k;
    },
  };
  for (const f of extraFields) s.extras[f] = new Float64Array(cap).fill(NaN);
  function grow() {
    cap *= 2;
    const g = <T extends Int32Array | Float64Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      if (fill !== undefined) b.fill(fill, a.length);
      b.set(a);
      return b;
    };
    s.area = g(s.area);
    s.indicator = g(s.indicator);
    s.period = g(s.period);
    s.value = g(s.value);
    s.row = g(s.row);
    for (const f of extraFields) s.extras[f] = g(s.extras[f]!, NaN);
  }
  return s;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Build the result objects, skipping rows marked in `skip` (duplicates folded into
 * their first occurrence). Codes are shared strings, not per-row copies.
 */
export function toObservations(s: TStore, areaCodes: string[], indicatorCodes: string[], skip: Uint8Array, dropNotes: boolean): TCleanObservation[] {
  const out: TCleanObservation[] = [];
  const { numerator, denominator, lowerCi, upperCi } = s.extras;
  for (let k = 0; k < s.n; k++) {
    if (skip[k]) continue;
    const o: TCleanObservation = { area: areaCodes[s.area[k]], indicator: indicatorCodes[s.indicator[k]], period: s.period[k], value: orNull(s.value[k]), sourceRow: s.row[k] };
    if (numerator) o.numerator = orNull(numerator[k]);
    if (denominator) o.denominator = orNull(denominator[k]);
    if (lowerCi) o.lowerCi = orNull(lowerCi[k]);
    if (upperCi) o.upperCi = orNull(upperCi[k]);
    if (s.notes && !dropNotes) o.note = s.notes.get(k) ?? null;
    out.push(o);
  }
  return out;
}
