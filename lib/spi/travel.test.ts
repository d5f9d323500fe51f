import { describe, expect, it } from "vitest";
import type { TRun } from "./pipeline";
import { createRng } from "./rng";
import { directionOfTravel, travelEntry, travelEntryAt } from "./travel";

/**
 * A run with only what directionOfTravel reads: areas with a random subset of the
 * periods (some with one period only), score columns with NaN gaps at several rates
 * (none, some, most, all), and values in series that look like real scores.
 */
function randomRun(seed: number, periods: number[]) {
  const rng = createRng(seed);
  const rowArea: number[] = [], rowPeriod: number[] = [];
  for (let a = 0; a < 60; a++) {
    const keep = rng.next() < 0.1 ? 1 : 0.3 + 0.7 * rng.next();
    let any = false;
    periods.forEach((_, p) => {
      if (rng.next() < keep || (!any && p === periods.length - 1)) {
        rowArea.push(a);
        rowPeriod.push(p);
        any = true;
      }
    });
  }
  const rows = rowArea.length;
  const column = (k: number) => {
    const out = new Float64Array(k * rows);
    for (let j = 0; j < k; j++) {
      const gap = [0, 0, 0.1, 0.4, 0.9, 1][rng.int(6)];
      for (let r = 0; r < rows; r++) out[j * rows + r] = rng.next() < gap ? NaN : 50 + 20 * rng.normal();
    }
    return out;
  };
  const items = (prefix: string, k: number) => Array.from({ length: k }, (_, index) => ({ code: `${prefix}${index}`, index }));
  const fw = { dimensions: items("d", 3), components: items("c", 5), indicators: items("i", 9) };
  const run = {
    fw,
    grid: { periods },
    rows,
    rowArea: Int32Array.from(rowArea),
    rowPeriod: Int32Array.from(rowPeriod),
    levels: { index: column(1), dimensions: column(3), components: column(5) },
    r: column(9),
  };
  return run as unknown as TRun & typeof run;
}

describe("directionOfTravel", () => {
  it.each([
    { seed: 1, periods: [2015, 2016, 2017, 2018, 2019, 2020] },
    { seed: 2, periods: [2015, 2017, 2020] },
    { seed: 3, periods: [2010, 2011, 2013, 2014, 2017, 2018, 2019, 2023] },
    { seed: 4, periods: [2019, 2020] },
  ])("equals travelEntry on every series of every area (seed $seed, periods $periods)", ({ seed, periods }) => {
    const run = randomRun(seed, periods);
    const threshold = 1;
    const tc = directionOfTravel(run, threshold);
    const areas = [...new Set(run.rowArea)];
    const multi = areas.filter((a) => run.rowArea.filter((x) => x === a).length >= 2);
    expect(Array.from(tc.areaIndex)).toEqual(multi);
    expect(multi.length).toBeLessThan(areas.length);
    const series: Array<[string, Float64Array, number]> = [["index", run.levels.index, 0]];
    for (const [name, arr, items] of [["dimensions", run.levels.dimensions, run.fw.dimensions], ["components", run.levels.components, run.fw.components], ["indicators", run.r, run.fw.indicators]] as const)
      for (const it of items) series.push([`${name}.${it.code}`, arr, it.index * run.rows]);
    const column = (name: string) => (name === "index" ? tc.index : tc[name.split(".")[0] as "dimensions"][name.split(".")[1]]);
    let entries = 0, nulls = 0;
    for (let t = 0; t < tc.length; t++) {
      const rows = run.rowArea.reduce<number[]>((acc, a, r) => (a === tc.areaIndex[t] ? [...acc, r] : acc), []);
      const years = rows.map((r) => periods[run.rowPeriod[r]]);
      for (const [name, arr, off] of series) {
        const want = travelEntry(years, rows.map((r) => arr[off + r]), threshold);
        // toEqual compares numbers with Object.is: bit for bit, NaN and −0 included
        expect({ name, t, e: travelEntryAt(column(name), t) }).toEqual({ name, t, e: want });
        if (want) entries++;
        else nulls++;
      }
    }
    // the inputs exercise both outcomes
    expect(entries).toBeGreaterThan(100);
    expect(nulls).toBeGreaterThan(10);
  });
});
