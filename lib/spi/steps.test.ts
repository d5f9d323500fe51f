import { describe, expect, it } from "vitest";
import { carryForward, FLAG_CARRIED } from "./carry-forward";
import { combine } from "./score";
import { applyTransform } from "./transform";
import { travelEntry } from "./travel";
import { classifyAgainstPeers, nearest } from "./peers";
import { medianAbsDeviation, medianInPlace, medianOf, quantileSorted } from "./stats";
import { rankVector } from "./ranks";
import { createRng } from "./rng";

describe("applyTransform (§2 step 2)", () => {
  it.each([
    [[], 5, 5],
    [[{ floor: 1 }], 0.2, 1],
    [[{ cap: 10 }], 12, 10],
    [[{ log: true as const }], Math.E, 1],
    [[{ log1p: true as const }], 0, 0],
    [[{ parity: 1 }], 0.8, 0.2],
    [[{ parity: 1 }], 1.3, 0.3],
    [[{ floor: 1 }, { log: true as const }], 0, 0],
    [[{ cap: 100 }, { parity: 100 }], 120, 0],
    [[{ log: true as const }], 0, NaN],
    [[{ log1p: true as const }], -1, NaN],
  ])("%j applied to %d gives %d", (steps, x, want) => {
    const got = applyTransform(steps, x);
    if (Number.isNaN(want)) expect(got).toBeNaN();
    else expect(got).toBeCloseTo(want, 12);
  });
});

describe("carryForward (§2 step 1)", () => {
  const grid = (values: number[], periods: number[]) => ({ areaCodes: ["a"], periods, nIndicators: 1, raw: Float64Array.from(values) });
  it.each([
    { periods: [2015, 2016, 2017, 2018], raw: [1, NaN, NaN, NaN], window: 2, want: [1, 1, 1, NaN], carried: [0, 1, 1, 0] },
    { periods: [2015, 2016, 2017], raw: [1, NaN, 2], window: 2, want: [1, 1, 2], carried: [0, 1, 0] },
    { periods: [2015, 2018], raw: [1, NaN], window: 2, want: [1, NaN], carried: [0, 0] },
    { periods: [2015, 2017], raw: [1, NaN], window: 2, want: [1, 1], carried: [0, 1] },
    { periods: [2015, 2016], raw: [NaN, 3], window: 2, want: [NaN, 3], carried: [0, 0] },
    { periods: [2015, 2016], raw: [5, NaN], window: 0, want: [5, NaN], carried: [0, 0] },
  ])("window $window over $raw", ({ periods, raw, window, want, carried }) => {
    const flags = new Uint8Array(raw.length);
    const out = carryForward(grid(raw, periods), window, flags);
    expect(Array.from(out)).toEqual(want);
    expect(Array.from(flags).map((f) => (f & FLAG_CARRIED ? 1 : 0))).toEqual(carried);
  });
});

describe("combine (§2 step 7)", () => {
  it.each([
    { v: [10, 20, 30], agg: "arithmetic" as const, want: 20 },
    { v: [4, 16], agg: { powerMean: 0 }, want: 8 },
    { v: [4, 16], agg: { powerMean: 0.5 }, want: 9 },
    { v: [4, 16], agg: { powerMean: 1 }, want: 10 },
    { v: [0, 100], agg: { powerMean: -1 }, want: 0 },
    { v: [-1, 100], agg: { powerMean: 0.5 }, want: NaN },
  ])("$agg of $v", ({ v, agg, want }) => {
    const got = combine(v, agg);
    if (Number.isNaN(want)) expect(got).toBeNaN();
    else expect(got).toBeCloseTo(want, 12);
  });
});

describe("travelEntry (§4)", () => {
  it.each([
    { y: [2018, 2019, 2020], v: [50, 52, 55], t: 1, status: "improving", change: 3, slope: 2.5 },
    { y: [2018, 2019, 2020], v: [50, 52, 51.5], t: 1, status: "stable", change: -0.5, slope: 0.75 },
    { y: [2018, 2020], v: [60, 50], t: 1, status: "worsening", change: -10, slope: -5 },
    { y: [2018, 2019, 2020], v: [60, 58, NaN], t: 1, status: "worsening", change: -2, slope: -2 },
    { y: [2018, 2019], v: [60, 60.9], t: 0.5, status: "improving", change: 0.9, slope: 0.9 },
  ])("$v over $y", ({ y, v, t, status, change, slope }) => {
    const e = travelEntry(y, v, t)!;
    expect(e.status).toBe(status);
    expect(e.change).toBeCloseTo(change, 12);
    expect(e.slope).toBeCloseTo(slope, 12);
  });
  it("needs two scored periods", () => expect(travelEntry([2018, 2019], [NaN, 5], 1)).toBeNull());
});

describe("peers (§5)", () => {
  it("nearest takes the K closest, excluding self", () => {
    const values = [10, 1, 5, 6, 20, 7];
    const order = Int32Array.from([1, 2, 3, 5, 0, 4]);
    const posOf = new Int32Array(6);
    order.forEach((j, p) => (posOf[j] = p));
    expect(nearest(order, posOf, values, 3, 2).sort()).toEqual([2, 5]);
    expect(nearest(order, posOf, values, 4, 2).sort()).toEqual([0, 5]);
    expect(nearest(order, posOf, values, 1, 10).length).toBe(5);
  });
  it.each([
    { y: 80, peers: [50, 52, 54, 60], cls: 1, m: 53, aad: 3 },
    { y: 40, peers: [50, 52, 54, 60], cls: -1, m: 53, aad: 3 },
    { y: 55, peers: [50, 52, 54, 60], cls: 0, m: 53, aad: 3 },
    { y: 56.01, peers: [50, 52, 54, 60], cls: 1, m: 53, aad: 3 },
  ])("y = $y against $peers", ({ y, peers, cls, m, aad }) => {
    const c = classifyAgainstPeers(y, peers)!;
    expect([c.cls, c.m, c.aad]).toEqual([cls, m, aad]);
  });
});

describe("stats and ranks", () => {
  it.each([[[3, 1, 2], 2], [[4, 1, 3, 2], 2.5], [[5], 5], [[2, 2, 2, 1], 2]])("median of %j is %d", (v, m) =>
    expect(medianInPlace(Float64Array.from(v))).toBe(m),
  );
  it("quantile type 7", () => {
    const s = Float64Array.from([1, 2, 3, 4, 5]);
    expect([quantileSorted(s, 0), quantileSorted(s, 0.05), quantileSorted(s, 0.5), quantileSorted(s, 0.95)]).toEqual([1, 1.2, 3, 4.8]);
  });
  it("competition ranks with ties and NaN", () => {
    expect(Array.from(rankVector(Float64Array.from([50, 70, 70, NaN, 10])))).toEqual([3, 1, 1, NaN, 4]);
  });
  it("bucketed ranks equal a plain count of higher values, whatever the spread of the values", () => {
    const rng = createRng(11);
    const naive = (v: Float64Array) => Array.from(v, (x) => (x !== x ? NaN : 1 + v.filter((y) => y > x).length));
    const cases: Float64Array[] = [
      Float64Array.from([]),
      Float64Array.from([NaN, NaN]),
      Float64Array.from([7]),
      Float64Array.from([5, 5, 5]),
      Float64Array.from([0, -0, 0, 1, -0]),
      Float64Array.from([1, Infinity, -Infinity, 3, Infinity, NaN]),
      Float64Array.from([1e-300, 2e-300, 1e300, -1e300]),
    ];
    for (const n of [2, 30, 500, 1500]) {
      // uniform; clamped at 100 (a crowded top bucket); few distinct values (ties everywhere); clustered with outliers
      cases.push(Float64Array.from({ length: n }, () => rng.next() * 100));
      cases.push(Float64Array.from({ length: n }, () => Math.min(100, rng.next() * 160)));
      cases.push(Float64Array.from({ length: n }, () => Math.floor(rng.next() * 7) / 3));
      cases.push(Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 1e6 * rng.next() : 50 + rng.next() * 1e-9)));
      cases.push(Float64Array.from({ length: n }, () => (rng.next() < 0.2 ? NaN : rng.normal())));
    }
    for (const v of cases) expect(Array.from(rankVector(v))).toEqual(naive(v));
  });
  it("the sample-bracketed median equals the median of a sort and leaves its input alone, whatever the order and spread", () => {
    const rng = createRng(12);
    const sortedMedian = (v: Float64Array) => {
      const s = Float64Array.from(v).sort();
      const n = s.length;
      return n === 0 ? NaN : n % 2 ? s[n >> 1] : (s[(n >> 1) - 1] + s[n >> 1]) / 2;
    };
    const cases: Float64Array[] = [Float64Array.from([]), Float64Array.from([3]), Float64Array.from([2, 2, 2, 2])];
    for (const n of [5, 4095, 4096, 4097, 10000, 60001]) {
      cases.push(Float64Array.from({ length: n }, () => rng.next() * 100));
      cases.push(Float64Array.from({ length: n }, () => rng.normal() * 1e-3 - 40));
      // ties everywhere; a crowd at a clamp; clustered with far outliers; ±0 and infinities
      cases.push(Float64Array.from({ length: n }, () => Math.floor(rng.next() * 5) / 4));
      cases.push(Float64Array.from({ length: n }, () => Math.min(100, rng.next() * 160)));
      cases.push(Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? 1e9 * (rng.next() - 0.5) : 50 + rng.next() * 1e-9)));
      cases.push(Float64Array.from({ length: n }, (_, i) => [0, -0, 1, -1, Infinity, -Infinity][i % 6] * ((i % 5) + 1)));
      // sorted, and periodic with the sample's stride (a sample that misses the middle)
      cases.push(Float64Array.from({ length: n }, (_, i) => i));
      cases.push(Float64Array.from({ length: n }, (_, i) => (i % Math.floor(n / 1024 || 1) === 0 ? 1000 + i : -i)));
    }
    for (const v of cases) {
      const copy = Float64Array.from(v);
      // (+ 0: −0 and 0 are the same median)
      expect(medianOf(v) + 0).toBe(sortedMedian(v) + 0);
      // and the median absolute deviation around it, and around a point off-centre
      for (const centre of [sortedMedian(v), 0.25]) {
        if (!Number.isFinite(centre)) continue;
        expect(medianAbsDeviation(v, centre) + 0).toBe(sortedMedian(v.map((x) => Math.abs(x - centre))) + 0);
      }
      expect(v).toEqual(copy);
    }
  });
});
