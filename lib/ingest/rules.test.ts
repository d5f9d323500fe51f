import { describe, expect, it } from "vitest";
import { londonContext } from "./__fixtures__/london";
import { parseNumberCell, parsePeriodCell } from "./cells";
import { validateUpload } from "./index";
import type { TIngestContext } from "./types";

/* Rules that need a tailored context: boundary vintages, previous data, limits. */

const csv = (rows: string[]) => new TextEncoder().encode(["area_code,indicator_code,period,value", ...rows].join("\n") + "\n");

describe("boundary vintages", () => {
  // A council with 2002–2022 wards and (for this test) one 2022 ward of the same name.
  const base = londonContext();
  const ctx: TIngestContext = {
    ...base,
    periodRange: { min: 2001, max: 2024 },
    areas: [...base.areas.map((a) => ({ ...a, vintage: "2002", validFrom: 2002, validTo: 2022 })), { code: "E05014053", name: "Abbey", vintage: "2022", validFrom: 2022 }],
    vintageForPeriod: (p) => (p >= 2022 ? "2022" : "2002"),
  };

  it("a code of another vintage names its span and the period's vintage", async () => {
    const r = await validateUpload({ bytes: csv(["E05000026,obese_reception_pct,2023,12"]), filename: "v.csv", context: ctx });
    const i = r.issues.find((x) => x.code === "AREA_WRONG_VINTAGE")!;
    expect(i.message).toBe("E05000026 is a 2002–2022 ward (2002 boundaries); period 2023 uses the 2022 wards");
    expect(i.suggestion).toMatch(/E05014053/);
    expect(r.ok).toBe(false);
  });

  it("the same code is fine in a period of its own vintage, and the new code in the new one", async () => {
    const r = await validateUpload({ bytes: csv(["E05000026,obese_reception_pct,2013,12", "E05014053,obese_reception_pct,2023,12"]), filename: "v.csv", context: ctx });
    expect(r.ok).toBe(true);
    expect(r.observations).toHaveLength(2);
  });
});

describe("previous data", () => {
  it("a jump against the ward's data already loaded is an OUTLIER_CHANGE", async () => {
    const wards = londonContext().areas.map((a) => a.code);
    const previous = wards.flatMap((a, k) => [2010, 2011, 2012].map((p) => ({ area: a, indicator: "le_male", period: p, value: 75 + k * 0.1 + (p - 2010) * 0.3 })));
    const rows = wards.map((a, k) => `${a},le_male,2013,${a === "E05000030" ? 60 : 75 + k * 0.1 + 0.9}`);
    const r = await validateUpload({ bytes: csv(rows), filename: "p.csv", context: londonContext({ previous }) });
    expect(r.issues.filter((i) => i.code === "OUTLIER_CHANGE").map((i) => i.area)).toEqual(["E05000030"]);
  });
});

describe("limits", () => {
  it("row and size limits refuse with clear messages", async () => {
    const rows = Array.from({ length: 20 }, () => "E05000026,le_male,2013,70");
    const r = await validateUpload({ bytes: csv(rows), filename: "l.csv", context: londonContext(), limits: { maxRows: 10 } });
    expect(r.refused).toEqual({ code: "TOO_MANY_ROWS", message: expect.stringMatching(/more than 10 data rows/) });
    const s = await validateUpload({ bytes: csv(rows), filename: "l.csv", context: londonContext(), limits: { maxBytes: 100 } });
    expect(s.refused?.code).toBe("FILE_TOO_LARGE");
  });
});

describe("cells", () => {
  it.each([
    ["1,234", false, 1234, "thousands"], ["12,5", true, 12.5, "decimal-comma"], ["1.234,5", true, 1234.5, "thousands"], ["'12", false, 12, "apostrophe"],
    ["12 ", false, 12, "spaces"], ["\u22123", false, -3, "minus-sign"], ["7", false, 7, undefined],
  ])("number %j (decimal comma %s) → %s", (raw, dc, value, cleaned) => expect(parseNumberCell(raw, false, dc)).toEqual({ kind: "number", value, ...(cleaned ? { cleaned } : {}) }));

  it("percent signs only for % indicators", () => {
    expect(parseNumberCell("12%", true, false)).toEqual({ kind: "number", value: 12, cleaned: "percent" });
    expect(parseNumberCell("12%", false, false).kind).toBe("percent-wrong-unit");
  });

  it.each([["2014/15", 2015], ["2014-15", 2015], ["FY 2014/2015", 2015], ["1999/00", 2000], ["2014", 2014]])("period %j → %d", (raw, y) => {
    const r = parsePeriodCell(raw);
    expect(r.kind === "year" && r.value).toBe(y);
  });

  it("a span that is not one year is not a period", () => expect(parsePeriodCell("2014/17").kind).toBe("invalid"));
});
