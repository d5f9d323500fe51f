import { describe, expect, it } from "vitest";
import { publicStandings, type TStandingRow } from "./public-standing";

const T = (h: number) => new Date(Date.UTC(2026, 0, 1, h));

/** Releases as the workflow leaves them: `[version, publishAt hour, superseded by version]`. */
function council(
  ...specs: Array<[number, number, number | null]>
): TStandingRow[] {
  return specs.map(([v, at, by]) => ({
    id: `r${v}`,
    version: v,
    state: by === null ? "approved" : "superseded",
    publishAt: T(at),
    supersededById: by === null ? null : `r${by}`,
  }));
}

function view(rows: TStandingRow[], hour: number) {
  const s = publicStandings(rows, T(hour));
  return Object.fromEntries(
    rows.filter((r) => s.isPublic(r)).map((r) => [r.version, s.of(r)]),
  );
}

describe("a release's standing as the public sees it", () => {
  it("a correction under embargo leaves the release it corrects approved and unpointed until it is public", () => {
    const rows = council([1, 0, 2], [2, 10, null]);
    expect(view(rows, 5)).toEqual({
      1: {
        state: "approved",
        supersededByVersion: null,
        supersedesVersion: null,
      },
    });
    expect(view(rows, 10)).toEqual({
      1: {
        state: "superseded",
        supersededByVersion: 2,
        supersedesVersion: null,
      },
      2: { state: "approved", supersededByVersion: null, supersedesVersion: 1 },
    });
  });

  it("follows the chain through an embargoed release to the first public one", () => {
    // 2 is embargoed to hour 10; 3 was approved at hour 5 and published at once, superseding 2
    const rows = council([1, 0, 2], [2, 10, 3], [3, 5, null]);
    expect(view(rows, 6)).toEqual({
      1: {
        state: "superseded",
        supersededByVersion: 3,
        supersedesVersion: null,
      },
      3: { state: "approved", supersededByVersion: null, supersedesVersion: 1 },
    });
    // once 2 is out, 1 points to it (2 corrected 1); what 3 corrected stays as it was when 3 came out
    expect(view(rows, 11)).toEqual({
      1: {
        state: "superseded",
        supersededByVersion: 2,
        supersedesVersion: null,
      },
      2: { state: "superseded", supersededByVersion: 3, supersedesVersion: 1 },
      3: { state: "approved", supersededByVersion: null, supersedesVersion: 1 },
    });
  });

  it("a preview of an embargoed release says what it will correct", () => {
    const rows = council([1, 0, 2], [2, 10, null]);
    expect(publicStandings(rows, T(5)).of(rows[1])).toEqual({
      state: "approved",
      supersededByVersion: null,
      supersedesVersion: 1,
    });
  });

  it("a release with no publication time, or a loop in bad data, ends the chain", () => {
    const rows: TStandingRow[] = [
      {
        id: "a",
        version: 1,
        state: "superseded",
        publishAt: T(0),
        supersededById: "b",
      },
      {
        id: "b",
        version: 2,
        state: "superseded",
        publishAt: null,
        supersededById: "a",
      },
    ];
    expect(publicStandings(rows, T(5)).of(rows[0])).toEqual({
      state: "approved",
      supersededByVersion: null,
      supersedesVersion: null,
    });
  });
});
