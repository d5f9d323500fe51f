import { describe, expect, it } from "vitest";
import {
  applyTransform,
  classifyUnit,
  proposeBounds,
  type TransformStep,
} from "./propose-bounds";

type Case = {
  name: string;
  unit: string;
  direction: 1 | -1;
  values: Array<number | null>;
  transform?: TransformStep[];
  marginFraction?: number;
  utopia: number;
  dystopia: number;
  natural: boolean;
  rationale?: RegExp[];
};

// One observation per area, periods cycling 2008..2014 so the span is predictable.
function run(c: Case) {
  const observations = c.values.map((value, i) => ({
    area: `A${i}`,
    indicator: "x",
    period: 2008 + (i % 7),
    value,
  }));
  const [out] = proposeBounds({
    indicators: [
      {
        code: "x",
        unit: c.unit,
        direction: c.direction,
        transform: c.transform,
      },
    ],
    observations,
    marginFraction: c.marginFraction,
  });
  return out;
}

const cases: Case[] = [
  {
    name: "% lower-is-better, no area near 0: observed best less 5 % of range",
    unit: "%",
    direction: -1,
    values: [3.1, 10, 25.3],
    utopia: 3.1 - 0.05 * 22.2,
    dystopia: 25.3 + 0.05 * 22.2,
    natural: false,
    rationale: [
      /best observed \(3\.1 %\) less a 5 % margin/,
      /0 % is the natural best but no area is near it/,
      /across 3 areas, 2008–2010/,
    ],
  },
  {
    name: "% lower-is-better, best area close to 0: natural utopia 0",
    unit: "%",
    direction: -1,
    values: [0.5, 20],
    utopia: 0,
    dystopia: 20 + 0.05 * 19.5,
    natural: true,
    rationale: [/0 %, the natural best, adopted/],
  },
  {
    name: "% higher-is-better coverage near 100: natural utopia 100",
    unit: "%",
    direction: 1,
    values: [60, 80, 99],
    utopia: 100,
    dystopia: 60 - 0.05 * 39,
    natural: true,
  },
  {
    name: "% higher-is-better share far from 100 (degree level): observed, worst snaps to natural 0",
    unit: "%",
    direction: 1,
    values: [5, 40, 70],
    utopia: 70 + 0.05 * 65,
    dystopia: 0,
    natural: true,
    rationale: [
      /100 % is the natural best but no area is near it/,
      /0 %, the natural worst/,
    ],
  },
  {
    name: "rate per 1,000 lower-is-better near 0: natural 0 crimes",
    unit: "offences per 1,000 population",
    direction: -1,
    values: [20, 400],
    utopia: 0,
    dystopia: 400 + 19,
    natural: true,
  },
  {
    name: "rate per 1,000 lower-is-better far from 0",
    unit: "per 1,000 population",
    direction: -1,
    values: [50, 400],
    utopia: 50 - 17.5,
    dystopia: 417.5,
    natural: false,
  },
  {
    name: "count is never natural but margin stops at 0",
    unit: "count",
    direction: -1,
    values: [0, 50, 100],
    utopia: 0,
    dystopia: 105,
    natural: false,
    rationale: [/stopped at the limit 0/],
  },
  {
    name: "years higher-is-better: observed ± margin, no natural bound",
    unit: "years",
    direction: 1,
    values: [75, 80, 90],
    utopia: 90.75,
    dystopia: 74.25,
    natural: false,
  },
  {
    name: "unbounded score may go negative",
    unit: "score",
    direction: -1,
    values: [-2, 0, 2],
    utopia: -2.2,
    dystopia: 2.2,
    natural: false,
  },
  {
    name: "ln transform: bounds in transformed units",
    unit: "GBP",
    direction: 1,
    values: [Math.exp(10), Math.exp(12)],
    transform: [{ log: true }],
    utopia: 12.1,
    dystopia: 9.9,
    natural: false,
    rationale: [/transformed units \(ln\(x\)\)/],
  },
  {
    name: "ln transform drops ln(0) and says so",
    unit: "GBP",
    direction: 1,
    values: [0, 1, Math.E],
    transform: [{ log: true }],
    utopia: 1.05,
    dystopia: -0.05,
    natural: false,
    rationale: [/1 value dropped as not finite/],
  },
  {
    name: "ln(x+1) of a rate keeps 0 as natural best",
    unit: "rate",
    direction: -1,
    values: [0.05, 9],
    transform: [{ log1p: true }],
    utopia: 0,
    dystopia: Math.log(10) + 0.05 * (Math.log(10) - Math.log1p(0.05)),
    natural: true,
  },
  {
    name: "parity: distance from 50 %, parity reached is natural best when near",
    unit: "%",
    direction: -1,
    values: [49.5, 60],
    transform: [{ parity: 50 }],
    utopia: 0,
    dystopia: 10 + 0.05 * 9.5,
    natural: true,
  },
  {
    name: "parity: no area near parity",
    unit: "%",
    direction: -1,
    values: [40, 55, 70],
    transform: [{ parity: 50 }],
    utopia: 5 - 0.75,
    dystopia: 20 + 0.75,
    natural: false,
  },
  {
    name: "cap: dystopia stops at the cap, which is not a natural bound",
    unit: "%",
    direction: -1,
    values: [10, 30, 80],
    transform: [{ cap: 50 }],
    utopia: 10 - 2,
    dystopia: 50,
    natural: false,
    rationale: [/stopped at the limit 50/, /cap 50/],
  },
  {
    name: "floor then ln: floor lifts zeros so none are dropped",
    unit: "count",
    direction: -1,
    values: [0, 1, 100],
    transform: [{ floor: 1 }, { log: true }],
    utopia: 0,
    dystopia: Math.log(100) * 1.05,
    natural: false,
    rationale: [/stopped at the limit 0/, /floor 1, then ln\(x\)/],
  },
  {
    name: "nulls and non-finite values are ignored",
    unit: "%",
    direction: 1,
    values: [null, 30, Number.NaN, 50],
    utopia: 51,
    dystopia: 29,
    natural: false,
    rationale: [/across 2 areas/],
  },
  {
    name: "all values equal: margin taken on the value itself",
    unit: "%",
    direction: -1,
    values: [10, 10],
    utopia: 9.5,
    dystopia: 10.5,
    natural: false,
    rationale: [/all observed values are equal/i],
  },
  {
    name: "custom margin of 10 %",
    unit: "years",
    direction: 1,
    values: [70, 80],
    marginFraction: 0.1,
    utopia: 81,
    dystopia: 69,
    natural: false,
    rationale: [/plus a 10 % margin/],
  },
  {
    name: "zero margin: exact best and worst",
    unit: "points",
    direction: 1,
    values: [200, 350],
    marginFraction: 0,
    utopia: 350,
    dystopia: 200,
    natural: false,
  },
];

describe("proposeBounds", () => {
  it.each(cases)("$name", (c) => {
    const out = run(c);
    expect(out.indicator).toBe("x");
    expect(out.utopia).toBeCloseTo(c.utopia, 9);
    expect(out.dystopia).toBeCloseTo(c.dystopia, 9);
    expect(out.natural).toBe(c.natural);
    if (c.direction === -1) expect(out.utopia).toBeLessThan(out.dystopia);
    else expect(out.utopia).toBeGreaterThan(out.dystopia);
    for (const re of c.rationale ?? []) expect(out.rationale).toMatch(re);
    expect(out.rationale).toMatch(
      c.direction === 1 ? /^Higher is better;/ : /^Lower is better;/,
    );
  });

  it("keeps input order, ignores observations of unknown indicators, and gives NaN with a reason when no data", () => {
    const out = proposeBounds({
      indicators: [
        { code: "b", unit: "%", direction: 1 },
        { code: "a", unit: "count", direction: -1 },
      ],
      observations: [
        { area: "W1", indicator: "b", period: 2011, value: 40 },
        { area: "W2", indicator: "b", period: 2014, value: 60 },
        { area: "W1", indicator: "zzz", period: 2011, value: 1e9 },
        { area: "W1", indicator: "a", period: 2011, value: null },
      ],
    });
    expect(out.map((o) => o.indicator)).toEqual(["b", "a"]);
    expect(out[0]).toMatchObject({ utopia: 61, dystopia: 39, natural: false });
    expect(out[0].rationale).toMatch(/across 2 areas, 2011–2014/);
    expect(Number.isNaN(out[1].utopia) && Number.isNaN(out[1].dystopia)).toBe(
      true,
    );
    expect(out[1].rationale).toMatch(/No usable observations for a/);
  });

  it("counts distinct areas, not rows, and shows a single period without a dash", () => {
    const [out] = proposeBounds({
      indicators: [{ code: "x", unit: "years", direction: 1 }],
      observations: [
        { area: "W1", indicator: "x", period: 2013, value: 80 },
        { area: "W1", indicator: "x", period: 2013, value: 82 },
      ],
    });
    expect(out.rationale).toMatch(/across 1 area, 2013\./);
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY])(
    "rejects marginFraction %s",
    (m) => {
      expect(() =>
        proposeBounds({ indicators: [], observations: [], marginFraction: m }),
      ).toThrow(RangeError);
    },
  );
});

describe("classifyUnit", () => {
  it.each([
    ["%", "percent"],
    ["pct", "percent"],
    ["offences per 1,000 population", "rate"],
    ["rate", "rate"],
    ["cars per household", "rate"],
    ["count", "count"],
    ["persons", "count"],
    ["households", "count"],
    ["years", "nonNegative"],
    ["GBP", "nonNegative"],
    ["ug/m3", "nonNegative"],
    ["ratio", "nonNegative"],
    ["points", "nonNegative"],
    ["score", "unbounded"],
    ["rank (1 = most deprived)", "unbounded"],
  ])("%s → %s", (unit, kind) => {
    expect(classifyUnit(unit)).toBe(kind);
  });
});

describe("applyTransform", () => {
  it.each<[number, TransformStep[], number]>([
    [5, [], 5],
    [-3, [{ floor: 0 }], 0],
    [120, [{ cap: 100 }], 100],
    [Math.E, [{ log: true }], 1],
    [0, [{ log1p: true }], 0],
    [30, [{ parity: 50 }], 20],
    [0, [{ floor: 1 }, { log: true }], 0],
  ])("%s through %j → %s", (x, steps, y) => {
    expect(applyTransform(x, steps)).toBeCloseTo(y, 12);
  });
});
