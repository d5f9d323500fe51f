import { describe, expect, it } from "vitest";
import {
  applyRunOptions,
  firstObservationYear,
  peerGroupBasis,
  ZRunOptions,
} from "./options";

const fw = {
  id: "t",
  carryForwardYears: 2,
  dimensions: [
    {
      components: [
        { weighting: "pca" },
        { weighting: { fixed: { a: 1 } } },
        {},
      ],
    },
  ],
};

describe("run options", () => {
  it("defaults to the edition's choices", () => {
    const o = ZRunOptions.parse({});
    expect(o).toEqual({
      weighting: "edition",
      carryForwardYears: 2,
      peerGroupSize: 15,
      uncertaintyDraws: 500,
    });
    expect(applyRunOptions(fw, o)).toEqual(fw);
  });

  it("overrides every component's weighting and the carry-forward window, without touching the edition", () => {
    const out = applyRunOptions(
      fw,
      ZRunOptions.parse({ weighting: "equal", carryForwardYears: "1" }),
    );
    expect(out.dimensions[0].components.map((c) => c.weighting)).toEqual([
      "equal",
      "equal",
      "equal",
    ]);
    expect(out.carryForwardYears).toBe(1);
    expect(fw.dimensions[0].components[0].weighting).toBe("pca");
  });

  it("refuses out-of-range choices", () => {
    expect(ZRunOptions.safeParse({ carryForwardYears: 9 }).success).toBe(false);
    expect(ZRunOptions.safeParse({ weighting: "random" }).success).toBe(false);
  });

  it("looks back the carry-forward window before the first period", () => {
    expect(
      firstObservationYear(
        [2014, 2012, 2013],
        ZRunOptions.parse({ carryForwardYears: 2 }),
      ),
    ).toBe(2010);
  });

  it.each([
    [
      "the covariate the run recorded",
      { peerCovariate: "Median household income, 2021 (£)" },
      [{ peerBasis: "covariate" }],
      "Median household income, 2021 (£)",
    ],
    [
      "peer values with no description recorded (older runs)",
      {},
      [{ peerBasis: "covariate" }],
      "The wards' peer values (what they measure was not recorded with this run)",
    ],
    [
      "no covariate, a small council: all the other wards",
      {},
      [{ peerBasis: "all-other-areas" }],
      "None – each ward is compared with all the other wards",
    ],
    [
      "no covariate and no scorecards: no peer comparison",
      { peerCovariate: "  " },
      [],
      "None – no peer comparison (no ward had a peer value)",
    ],
    [
      "a result without scorecards at all",
      {},
      undefined,
      "None – no peer comparison (no ward had a peer value)",
    ],
  ])("says what chose the peer groups: %s", (_, options, scorecards, text) => {
    expect(peerGroupBasis(options, scorecards)).toBe(text);
  });
});
