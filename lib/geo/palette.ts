/**
 * Colour schemes for choropleths.
 *
 * Colours: ColorBrewer 2.0 by Cynthia A. Brewer, Mark Harrower and The
 * Pennsylvania State University (https://colorbrewer2.org), licensed under the
 * Apache License 2.0. Hex values copied unchanged from the published schemes
 * Blues, Purples, Greens (sequential, single hue) and PuOr, RdBu (diverging),
 * each marked colour-blind safe by ColorBrewer.
 */

export type TSequentialPaletteName = "blue" | "purple" | "green";
export type TDivergingPaletteName = "purple-orange" | "red-blue";
export type TPaletteName = TSequentialPaletteName | TDivergingPaletteName;

type TScheme = Record<3 | 4 | 5 | 6 | 7, readonly string[]>;

const BLUES: TScheme = {
  3: ["#deebf7", "#9ecae1", "#3182bd"],
  4: ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
  5: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
  6: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"],
  7: ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"],
};
const PURPLES: TScheme = {
  3: ["#efedf5", "#bcbddc", "#756bb1"],
  4: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3"],
  5: ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"],
  6: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"],
  7: ["#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"],
};
const GREENS: TScheme = {
  3: ["#e5f5e0", "#a1d99b", "#31a354"],
  4: ["#edf8e9", "#bae4b3", "#74c476", "#238b45"],
  5: ["#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"],
  6: ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"],
  7: ["#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32"],
};
// Diverging schemes run from the "low / worse" end to the "high / better" end.
const PUOR: TScheme = {
  3: ["#f1a340", "#f7f7f7", "#998ec3"],
  4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
  5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
  6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
  7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
};
const RDBU: TScheme = {
  3: ["#ef8a62", "#f7f7f7", "#67a9cf"],
  4: ["#ca0020", "#f4a582", "#92c5de", "#0571b0"],
  5: ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"],
  6: ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"],
  7: ["#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"],
};

const SCHEMES: Record<TPaletteName, TScheme> = {
  blue: BLUES,
  purple: PURPLES,
  green: GREENS,
  "purple-orange": PUOR,
  "red-blue": RDBU,
};

export const PALETTE_NAMES = Object.keys(SCHEMES) as TPaletteName[];

/** GOV.UK text colour and white: the two candidates for text drawn on a fill. */
export const TEXT_DARK = "#0b0c0c";
export const TEXT_LIGHT = "#ffffff";

/**
 * The colours for `count` classes, low to high. 3–7 return the ColorBrewer
 * scheme of that size. 1 and 2 (when ties collapse classes) take the middle,
 * or the two ends, of the 3-class scheme so they stay distinguishable.
 * Throws RangeError outside 1–7.
 */
export function paletteColours(name: TPaletteName, count: number): string[] {
  const scheme = SCHEMES[name];
  if (!scheme) throw new RangeError(`unknown palette ${String(name)}`);
  if (count === 1) return [scheme[3][1]];
  if (count === 2) return [scheme[3][0], scheme[3][2]];
  if (!Number.isInteger(count) || count < 3 || count > 7) throw new RangeError(`palettes have 1 to 7 classes, got ${count}`);
  return [...scheme[count as 3 | 4 | 5 | 6 | 7]];
}

/** WCAG 2.x relative luminance of a "#rrggbb" colour (0 = black, 1 = white). */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`expected #rrggbb, got ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; // sRGB threshold per IEC 61966-2-1
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio between two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (GOV.UK near-black or white) with the higher contrast on `fill`. */
export function textColourOn(fill: string): string {
  return contrastRatio(TEXT_DARK, fill) >= contrastRatio(TEXT_LIGHT, fill) ? TEXT_DARK : TEXT_LIGHT;
}
