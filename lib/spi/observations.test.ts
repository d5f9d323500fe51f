import { describe, expect, it } from "vitest";
import { syntheticFramework } from "./__fixtures__/synthetic";
import { validateFramework } from "./framework";
import { buildGrid, buildGridTwoPass } from "./observations";
import { createRng } from "./rng";
import type { TObservationColumns, TProblem } from "./types";

const validated = validateFramework(syntheticFramework({ indicatorsPerComponent: [2, 3] }));
if (!validated.ok) throw new Error("synthetic framework invalid");
const fw = validated.framework;
const codes = fw.indicators.map((i) => i.code);

/** Random columnar input: shuffled rows, codes out of order, unknown indicators, gaps, duplicates. */
function randomColumns(seed: number, o: { areas: number; periods: number[]; dupShare: number; unknownShare: number; listedOnly: number; twiceListed?: boolean }): TObservationColumns {
  const rng = createRng(seed);
  const areaCodes = Array.from({ length: o.areas + o.listedOnly }, (_, a) => `E${String((a * 7919) % 100000).padStart(5, "0")}`);
  if (o.twiceListed) areaCodes.push(areaCodes[0]);
  const indicatorCodes = [...codes, "not-in-framework"];
  const rows: Array<[number, number, number, number]> = [];
  for (let a = 0; a < o.areas + (o.twiceListed ? 1 : 0); a++) {
    const id = a < o.areas ? a : areaCodes.length - 1;
    for (const p of o.periods)
      for (let i = 0; i < indicatorCodes.length; i++) {
        if (i === codes.length && rng.next() > o.unknownShare) continue;
        if (rng.next() < 0.1) continue; // no row at all for this cell
        const v = rng.next() < 0.05 ? NaN : rng.next() * 100;
        rows.push([id, i, p, v]);
        if (rng.next() < o.dupShare) rows.push([id, i, p, rng.next()]);
      }
  }
  // areas listed whose only rows are of an unknown indicator
  for (let a = o.areas; a < o.areas + o.listedOnly; a++) rows.push([a, codes.length, o.periods[0], 1]);
  for (let k = rows.length - 1; k > 0; k--) {
    const j = Math.floor(rng.next() * (k + 1));
    [rows[k], rows[j]] = [rows[j], rows[k]];
  }
  return {
    areaCodes,
    indicatorCodes,
    area: Int32Array.from(rows, (r) => r[0]),
    indicator: Int32Array.from(rows, (r) => r[1]),
    period: Int32Array.from(rows, (r) => r[2]),
    value: Float64Array.from(rows, (r) => r[3]),
    length: rows.length,
  };
}

describe("buildGrid", () => {
  it.each([
    ["dense years", { areas: 40, periods: [2019, 2020, 2021, 2022], dupShare: 0, unknownShare: 0, listedOnly: 0 }],
    ["gaps in the years, unknown indicators, listed-only areas", { areas: 30, periods: [2011, 2014, 2015, 2021], dupShare: 0, unknownShare: 0.5, listedOnly: 3 }],
    ["duplicates (more than are listed)", { areas: 60, periods: [2020, 2021], dupShare: 0.12, unknownShare: 0.2, listedOnly: 1 }],
    ["an area code listed twice", { areas: 10, periods: [2020], dupShare: 0, unknownShare: 0, listedOnly: 0, twiceListed: true }],
    ["far-apart periods (the two-pass path)", { areas: 5, periods: [-90000, 90000], dupShare: 0.1, unknownShare: 0.3, listedOnly: 1 }],
  ])("gives exactly the grid and problems of the two-pass reference: %s", (_, o) => {
    for (const seed of [1, 2, 3]) {
      const cols = randomColumns(seed, o);
      const pa: TProblem[] = [], pb: TProblem[] = [];
      const a = buildGrid(fw, cols, pa);
      const b = buildGridTwoPass(fw, cols, pb);
      expect(a.areaCodes).toEqual(b.areaCodes);
      expect(a.periods).toEqual(b.periods);
      // every cell the same value, missing (any NaN) in the same places
      expect(Array.from(a.raw, (v) => (v === v ? v : "missing"))).toEqual(Array.from(b.raw, (v) => (v === v ? v : "missing")));
      expect(pa).toEqual(pb);
    }
  });
});
