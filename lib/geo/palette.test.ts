import { describe, expect, it } from "vitest";
import { contrastRatio, PALETTE_NAMES, paletteColours, relativeLuminance, TEXT_DARK, TEXT_LIGHT, textColourOn } from "./palette";

describe("paletteColours", () => {
  it.each(PALETTE_NAMES.flatMap((name) => [1, 2, 3, 4, 5, 6, 7].map((count) => ({ name, count }))))(
    "$name × $count: right length, distinct, valid hex",
    ({ name, count }) => {
      const colours = paletteColours(name, count);
      expect(colours).toHaveLength(count);
      expect(new Set(colours).size).toBe(count);
      for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    },
  );

  it.each(["blue", "purple", "green"] as const)("%s runs light to dark at every size", (name) => {
    for (let n = 2; n <= 7; n++) {
      const lum = paletteColours(name, n).map(relativeLuminance);
      expect(lum).toEqual([...lum].sort((a, b) => b - a));
    }
  });

  it("has the ColorBrewer Blues 5 values", () => {
    expect(paletteColours("blue", 5)).toEqual(["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]);
  });

  it("diverging palettes have a light middle for odd sizes", () => {
    expect(paletteColours("red-blue", 5)[2]).toBe("#f7f7f7");
    expect(paletteColours("purple-orange", 7)[3]).toBe("#f7f7f7");
  });

  it.each([0, 8, 2.5])("throws for %s classes", (n) => {
    expect(() => paletteColours("blue", n)).toThrow(RangeError);
  });
});

describe("contrast", () => {
  it.each([
    { a: "#000000", b: "#ffffff", ratio: 21 },
    { a: "#ffffff", b: "#ffffff", ratio: 1 },
    { a: "#0b0c0c", b: "#ffdd00", ratio: 14.5 }, // GOV.UK focus: near-black on yellow
  ])("$a on $b ≈ $ratio", ({ a, b, ratio }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
  });

  it.each([
    { fill: "#eff3ff", text: TEXT_DARK },
    { fill: "#6baed6", text: TEXT_DARK },
    { fill: "#08519c", text: TEXT_LIGHT },
    { fill: "#54278f", text: TEXT_LIGHT },
  ])("text on $fill is $text", ({ fill, text }) => {
    expect(textColourOn(fill)).toBe(text);
  });

  it("every palette colour gets text with at least 4.5:1 contrast", () => {
    for (const name of PALETTE_NAMES) {
      for (let n = 1; n <= 7; n++) {
        for (const fill of paletteColours(name, n)) expect(contrastRatio(textColourOn(fill), fill)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("rejects malformed colours", () => {
    expect(() => relativeLuminance("blue")).toThrow(RangeError);
  });
});
