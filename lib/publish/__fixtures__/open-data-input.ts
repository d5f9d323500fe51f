import type { TSpiResult } from "@/lib/spi";
import type { TOpenDataInput } from "../build-open-data";

const square = (x: number) => ({ type: "Polygon", coordinates: [[[x, 51.5], [x + 0.01, 51.5], [x + 0.01, 51.51], [x, 51.51], [x, 51.5]]] });

const row = (area: string, period: number, index: number, rank: number, flags: TSpiResult["scores"][number]["flags"] = {}) => ({
  area,
  period,
  index,
  dimensions: { basic: index },
  components: { safety: index },
  indicators: { crime: index + 1, fires: index - 1 },
  flags,
  reasons: {},
  ranks: { index: rank, dimensions: { basic: rank }, components: { safety: rank } },
});

/** A two-ward, two-year release small enough to check by eye; one ward name tries CSV injection. */
export function openDataFixture(): TOpenDataInput {
  const result = {
    engineVersion: "test",
    frameworkId: "tiny",
    frameworkEdition: "1",
    inputHash: "ab".repeat(32),
    options: {},
    periods: [2014, 2015],
    areas: ["E05000001", "E05000002"],
    weights: { safety: { crime: 0.5, fires: 0.5 } },
    scores: [row("E05000001", 2014, 60, 1), row("E05000001", 2015, 61.23456, 1), row("E05000002", 2014, 40, 2, { fires: ["carried"] }), row("E05000002", 2015, 41, 2, { crime: ["imputed", "clampedUtopia"] })],
    diagnostics: { components: [], indicators: [] },
    travel: [],
    strengthsWeaknesses: [],
    aggregates: [],
    uncertainty: null,
    problems: [],
  } as unknown as TSpiResult;
  return {
    council: { slug: "tiny-borough", name: "Tiny Borough", laCode: "E09000099" },
    release: { version: 2, title: "Second release", publishAt: new Date("2026-01-15T09:30:00Z"), supersedesVersion: 1 },
    edition: {
      code: "tiny",
      edition: "1",
      name: "Tiny framework",
      definition: { dimensions: [{ code: "basic", name: "Basic needs", components: [{ code: "safety", name: "Safety", indicators: [{ code: "crime", name: "Crime rate", unit: "per 1,000", direction: -1 }, { code: "fires", name: "Fires", unit: "per 1,000", direction: -1 }] }] }] },
    },
    result,
    wards: [
      { code: "E05000001", name: "Abbey", geometry: square(0) },
      { code: "E05000002", name: "=HYPERLINK(\"http://x\")", geometry: square(0.02) },
    ],
    observations: [
      { area: "E05000001", indicator: "crime", period: 2014, value: 80.5 },
      { area: "E05000001", indicator: "crime", period: 2015, value: -3 },
      { area: "E05000002", indicator: "fires", period: 2014, value: null },
    ],
  };
}
