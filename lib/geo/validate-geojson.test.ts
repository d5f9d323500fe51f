import { describe, expect, it } from "vitest";
import { GEO_PROBLEM_CODES, type TGeoProblemCode } from "./geo-problems";
import { signedArea } from "./rings";
import { DEMO_WARDS_PATH, LONDON_WARDS_PATH, loadRepoGeoJson } from "./testing/wards-fixture";
import { validateWardGeoJson } from "./validate-geojson";

type Pos = [number, number];
/** A small counter-clockwise square near Barking, side `s` degrees. */
const square = (x = 0.08, y = 51.54, s = 0.01): Pos[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const poly = (ring: unknown[]) => ({ type: "Polygon", coordinates: [ring] });
const feature = (props: Record<string, unknown>, geometry: unknown) => ({ type: "Feature", properties: props, geometry });
const fc = (...features: unknown[]) => ({ type: "FeatureCollection", features });
const ward = (code: string, name: string, geometry: unknown = poly(square())) => feature({ ward_code: code, ward_name: name }, geometry);

function codesOf(input: unknown, opts?: Parameters<typeof validateWardGeoJson>[1]): TGeoProblemCode[] {
  const r = validateWardGeoJson(input, opts);
  return r.ok ? [] : r.problems.map((p) => p.code);
}

describe("validateWardGeoJson: one case per problem code", () => {
  const bowtie: Pos[] = [[0, 51], [0.01, 51.01], [0.01, 51], [0, 51.01], [0, 51]];
  const cases: Array<{ name: string; input: unknown; opts?: Parameters<typeof validateWardGeoJson>[1]; expected: TGeoProblemCode }> = [
    { name: "not an object", input: "hello", expected: "NOT_FEATURE_COLLECTION" },
    { name: "a bare Feature", input: ward("E05000026", "Abbey"), expected: "NOT_FEATURE_COLLECTION" },
    { name: "no features", input: fc(), expected: "EMPTY" },
    { name: "empty polygon", input: fc(ward("E05000026", "Abbey", { type: "Polygon", coordinates: [] })), expected: "EMPTY" },
    { name: "a Point", input: fc(ward("E05000026", "Abbey", { type: "Point", coordinates: [0, 51] })), expected: "UNSUPPORTED_GEOMETRY" },
    { name: "null geometry", input: fc(ward("E05000026", "Abbey", null)), expected: "UNSUPPORTED_GEOMETRY" },
    { name: "bad nesting", input: fc(ward("E05000026", "Abbey", { type: "Polygon", coordinates: [[1, 2, 3]] })), expected: "MALFORMED_GEOMETRY" },
    { name: "no code value", input: fc(ward("E05000026", "Abbey"), ward("", "Alibon", poly(square(0.2)))), expected: "MISSING_CODE" },
    { name: "no code property", input: fc(feature({ ward_name: "Abbey" }, poly(square()))), expected: "MISSING_CODE" },
    { name: "code not GSS", input: fc(ward("E05000026", "Abbey"), ward("E0500002", "Alibon", poly(square(0.2)))), expected: "INVALID_CODE" },
    { name: "wrong prefix", input: fc(ward("E09000002", "Barking")), opts: { expectedPrefix: "E05" }, expected: "INVALID_CODE" },
    { name: "duplicate code", input: fc(ward("E05000026", "Abbey"), ward("E05000026", "Abbey again", poly(square(0.2)))), expected: "DUPLICATE_CODE" },
    { name: "blank name", input: fc(ward("E05000026", "Abbey"), ward("E05000027", "  ", poly(square(0.2)))), expected: "MISSING_NAME" },
    { name: "NaN coordinate", input: fc(ward("E05000026", "Abbey", poly([[0, 51], [NaN, 51], [0.1, 51.1], [0, 51]]))), expected: "NON_FINITE_COORDINATE" },
    { name: "string coordinate", input: fc(ward("E05000026", "Abbey", poly([[0, 51], ["0.1", 51], [0.1, 51.1], [0, 51]]))), expected: "NON_FINITE_COORDINATE" },
    { name: "latitude 95", input: fc(ward("E05000026", "Abbey", poly(square(10, 95)))), expected: "NOT_WGS84" },
    { name: "negative metres", input: fc(ward("E05000026", "Abbey", poly(square(-5000, 180000, 100)))), expected: "NOT_WGS84" },
    { name: "BNG metres", input: fc(ward("E05000026", "Abbey", poly(square(544000, 184000, 500)))), expected: "LOOKS_LIKE_BNG" },
    { name: "open ring", input: fc(ward("E05000026", "Abbey", poly(square().slice(0, 4)))), expected: "UNCLOSED_RING" },
    { name: "three positions", input: fc(ward("E05000026", "Abbey", poly([[0, 51], [0.1, 51], [0, 51]]))), expected: "TOO_FEW_POSITIONS" },
    { name: "bow-tie", input: fc(ward("E05000026", "Abbey", poly(bowtie))), expected: "SELF_INTERSECTION" },
    { name: "collinear ring", input: fc(ward("E05000026", "Abbey", poly([[0, 51], [0.1, 51], [0.2, 51], [0, 51]]))), expected: "ZERO_AREA" },
  ];

  it.each(cases)("$name → $expected", ({ input, opts, expected }) => {
    expect(codesOf(input, opts)).toEqual([expected]);
  });

  it("covers every code in the closed set", () => {
    expect(new Set(cases.map((c) => c.expected))).toEqual(new Set(GEO_PROBLEM_CODES));
  });
});

describe("validateWardGeoJson: messages and detection", () => {
  it("names the feature by 1-based position, name and code", () => {
    const r = validateWardGeoJson(fc(ward("E05000026", "Abbey"), ward("E05000027", "Alibon", poly(square(544000, 184000, 500)))));
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          feature: 2,
          code: "LOOKS_LIKE_BNG",
          message: "Feature 2 (Alibon, E05000027): coordinates look like OSGB36 / British National Grid (EPSG:27700); reproject to WGS84 (first: [544000, 184000])",
        },
      ],
    });
  });

  it("says which feature a duplicate repeats", () => {
    const r = validateWardGeoJson(fc(ward("E05000026", "Abbey"), ward("E05000027", "B", poly(square(0.2))), ward("E05000026", "C", poly(square(0.4)))));
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(["Feature 3 (C, E05000026): code E05000026 is also used by feature 1"]);
  });

  it.each([
    { props: { WD22CD: "E05000026", WD22NM: "Abbey" } },
    { props: { GSS_CODE: "E05000026", NAME: "Abbey" } },
    { props: { code: "E05000026", name: "Abbey" } },
    // an internal id in "code" loses to the property that actually holds GSS codes
    { props: { code: "17", WD13CD: "E05000026", WD13NM: "Abbey" } },
  ])("detects code and name in $props", ({ props }) => {
    const r = validateWardGeoJson(fc(feature(props, poly(square()))));
    expect(r.ok && r.wards.map((w) => [w.code, w.name])).toEqual([["E05000026", "Abbey"]]);
  });

  it("honours explicit property names", () => {
    const r = validateWardGeoJson(fc(feature({ c: " E05000026 ", n: "Abbey" }, poly(square()))), { codeProperty: "c", nameProperty: "n" });
    expect(r.ok && r.wards[0].code).toBe("E05000026");
  });

  it("normalises winding to RFC 7946 (exterior counter-clockwise) and drops altitude", () => {
    const clockwise = square().reverse().map(([x, y]) => [x, y, 12]);
    const r = validateWardGeoJson(fc(ward("E05000026", "Abbey", poly(clockwise))));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const ring = r.wards[0].geometry.coordinates[0] as Pos[];
    expect(signedArea(ring)).toBeGreaterThan(0);
    expect(ring.every((p) => p.length === 2)).toBe(true);
  });

  it("accepts a polygon with a hole and a touching-free MultiPolygon", () => {
    const hole = square(0.083, 51.543, 0.002).reverse();
    const multi = { type: "MultiPolygon", coordinates: [[square()], [square(0.2)]] };
    expect(codesOf(fc(ward("E05000026", "Abbey", { type: "Polygon", coordinates: [square(), hole] }), ward("E05000027", "B", multi)))).toEqual([]);
  });

  it("reports every problem of a feature, not just the first", () => {
    expect(codesOf(fc(feature({ ward_code: "X1", ward_name: "" }, null), ward("E05000026", "A")))).toEqual([
      "INVALID_CODE",
      "MISSING_NAME",
      "UNSUPPORTED_GEOMETRY",
    ]);
  });
});

describe("validateWardGeoJson on the real boundaries", () => {
  const demo = loadRepoGeoJson(DEMO_WARDS_PATH);
  const london = loadRepoGeoJson(LONDON_WARDS_PATH);

  it.skipIf(demo === null)("accepts the 35 LBBD and Havering wards with E05 codes", () => {
    const r = validateWardGeoJson(demo, { expectedPrefix: "E05" });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
    expect(r.wards).toHaveLength(35);
    expect(r.wards[0]).toMatchObject({ code: "E05000026", name: "Abbey" });
  });

  it.skipIf(london === null)("accepts all 625 London units and stays fast", () => {
    const started = performance.now();
    const r = validateWardGeoJson(london);
    if (!r.ok) throw new Error(r.problems.slice(0, 10).map((p) => p.message).join("\n"));
    expect(r.wards).toHaveLength(625);
    expect(performance.now() - started).toBeLessThan(5_000); // generous: a sanity bound, not a benchmark
  });
});
