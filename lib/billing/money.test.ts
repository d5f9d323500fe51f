import { describe, expect, it } from "vitest";
import { formatPence, parsePoundsToPence, roundDiv, vatOnPence, withVat } from "./money";
import { isValidUkVatNumber, normaliseVatNumber } from "./vat-number";

describe("roundDiv: half away from zero", () => {
  it.each([
    [5, 2, 3],
    [4, 2, 2],
    [7, 3, 2],
    [-5, 2, -3],
    [-7, 3, -2],
    [0, 9, 0],
    [149, 100, 1],
    [150, 100, 2],
  ])("%i / %i = %i", (n, d, want) => expect(roundDiv(n, d)).toBe(want));

  it("refuses non-integers and non-positive divisors", () => {
    expect(() => roundDiv(1.5, 2)).toThrow(RangeError);
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
  });
});

describe("VAT at 20 %, to the penny", () => {
  it.each([
    [960000, 192000],
    [1, 0], // 0.2p rounds down
    [2, 0], // 0.4p
    [3, 1], // 0.6p
    [252, 50], // 50.4p
    [253, 51], // 50.6p
    [1_234_567, 246_913], // 246,913.4p
    [-253, -51], // a credit: symmetric
  ])("net %i → VAT %i", (net, vat) => expect(vatOnPence(net)).toBe(vat));

  it("gross is exactly net + VAT", () => {
    for (const net of [0, 1, 99, 252_000, 377_999]) {
      const v = withVat(net);
      expect(v.totalPence).toBe(v.netPence + v.vatPence);
    }
  });
});

describe("formatting and parsing pounds", () => {
  it("formats pence as pounds", () => {
    expect(formatPence(1_440_000)).toBe("£14,400.00");
    expect(formatPence(1_440_000, { whole: true })).toBe("£14,400");
    expect(formatPence(1_440_050, { whole: true })).toBe("£14,400.50");
  });
  it.each([
    ["14400", 1_440_000],
    ["£14,400.5", 1_440_050],
    ["14 400.05", 1_440_005],
    ["0.01", 1],
    ["-5", null],
    ["1.234", null],
    ["abc", null],
  ])("%s → %s", (t, want) => expect(parsePoundsToPence(t)).toBe(want));
});

describe("UK VAT numbers", () => {
  it.each(["GB 980 7806 84", "980780684", "gb980780684", "GB980780684001", "GBGD001", "GBHA500"])("accepts %s", (v) => expect(isValidUkVatNumber(v)).toBe(true));
  it.each(["GB 123 4567 89", "GB98078068", "FR12345678901", "GBGD500", "", "GB98078068X"])("rejects %s", (v) => expect(isValidUkVatNumber(v)).toBe(false));
  it("normalises", () => expect(normaliseVatNumber("980 7806 84")).toBe("GB980780684"));
});
