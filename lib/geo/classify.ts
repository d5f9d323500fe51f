/**
 * Choropleth classification: which class each value falls in, and the legend.
 * Pure; no colours here (see palette.ts).
 */

export type TClassMethod = "quantile" | "equal-interval" | "fixed";

export type TClassifyOptions = {
  /** Default "quantile". */
  method?: TClassMethod;
  /** Classes wanted, 3–7, default 5. Ignored for "fixed" (thresholds decide). */
  classes?: number;
  /** "fixed" only: 1–6 ascending interior thresholds, giving 2–7 classes. */
  thresholds?: readonly number[];
  /** Decimal places in legend labels, default 1. */
  decimals?: number;
};

export type TLegendClass = {
  /** 0-based class index, low to high. */
  index: number;
  /** Class bounds (see `TClassification.breaks`). */
  lower: number;
  upper: number;
  /** e.g. "45.2 to 52.0", "Under 40.0", "60.0 and over". */
  label: string;
  /** Number of values in the class (0 is possible for equal-interval and fixed). */
  count: number;
};

export type TClassification = {
  method: TClassMethod;
  /** e.g. "Quantile classes (5)"; the count is the actual class count. */
  methodLabel: string;
  /** Actual number of classes: may be fewer than asked when values tie. 0 when no value is usable. */
  classCount: number;
  /**
   * classCount + 1 ascending bounds. A value v is in class i when
   * breaks[i] <= v < breaks[i + 1]; the last class also includes its upper bound.
   * Fixed breaks use −Infinity and +Infinity as the outer bounds.
   */
  breaks: number[];
  /** Per input value, in input order: its 0-based class, or null for no data. */
  classOf: Array<number | null>;
  legend: TLegendClass[];
  /** Values that were null, undefined or not finite. */
  noDataCount: number;
};

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

const METHOD_NAMES: Record<TClassMethod, string> = {
  quantile: "Quantile",
  "equal-interval": "Equal-interval",
  fixed: "Fixed",
};

const usable = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

function formatter(decimals: number): (v: number) => string {
  return (v) => (Object.is(Number(v.toFixed(decimals)), -0) ? 0 : v).toFixed(decimals);
}

/** Index of the class holding v: the last i with breaks[i] <= v, capped to the last class. */
function classIndex(v: number, breaks: readonly number[]): number {
  const k = breaks.length - 1;
  let i = 0;
  while (i + 1 < k && v >= breaks[i + 1]) i++;
  return i;
}

/**
 * Assigns each value to a class and builds the legend.
 *
 * - quantile (default): classes hold (nearly) equal numbers of values; tied
 *   values always share a class, so heavy ties can merge classes. Labels show
 *   the lowest and highest value actually in each class.
 * - equal-interval: the range min..max split into equal widths; labels show
 *   the bounds; a class may be empty.
 * - fixed: caller-supplied thresholds; labels "Under a", "a to b", "b and over".
 *
 * null / undefined / NaN / ±Infinity are "no data" (class null). When there are
 * fewer distinct values than classes, quantile and equal-interval use one
 * class per distinct value at most. Throws RangeError on an invalid class count
 * or thresholds (a programming error, not a data problem).
 */
export function classify(values: ReadonlyArray<number | null | undefined>, opts: TClassifyOptions = {}): TClassification {
  const method = opts.method ?? "quantile";
  const fmt = formatter(opts.decimals ?? 1);
  const requested = opts.classes ?? 5;
  if (method !== "fixed" && (!Number.isInteger(requested) || requested < MIN_CLASSES || requested > MAX_CLASSES)) {
    throw new RangeError(`classes must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${requested}`);
  }
  const present = values.filter(usable);
  const noDataCount = values.length - present.length;
  const sorted = [...present].sort((a, b) => a - b);
  const distinct = new Set(sorted).size;

  const result = (breaks: number[], classOf: Array<number | null>, labels: string[]): TClassification => {
    const classCount = Math.max(0, breaks.length - 1);
    const counts = new Array<number>(classCount).fill(0);
    for (const c of classOf) if (c !== null) counts[c]++;
    return {
      method,
      methodLabel: `${METHOD_NAMES[method]} classes (${classCount})`,
      classCount,
      breaks,
      classOf,
      legend: labels.map((label, index) => ({ index, lower: breaks[index], upper: breaks[index + 1], label, count: counts[index] })),
      noDataCount,
    };
  };

  if (method === "fixed") {
    const t = opts.thresholds ?? [];
    if (t.length < 1 || t.length > MAX_CLASSES - 1 || !t.every(Number.isFinite) || t.some((v, i) => i > 0 && v <= t[i - 1])) {
      throw new RangeError("fixed thresholds must be 1 to 6 finite numbers in strictly ascending order");
    }
    const breaks = [-Infinity, ...t, Infinity];
    const labels = breaks.slice(0, -1).map((lo, i) => {
      const hi = breaks[i + 1];
      return lo === -Infinity ? `Under ${fmt(hi)}` : hi === Infinity ? `${fmt(lo)} and over` : `${fmt(lo)} to ${fmt(hi)}`;
    });
    return result(breaks, values.map((v) => (usable(v) ? classIndex(v, breaks) : null)), labels);
  }

  if (sorted.length === 0) return result([], values.map(() => null), []);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const k = Math.min(requested, distinct);

  if (method === "equal-interval") {
    const width = (max - min) / k;
    const breaks = Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * width));
    const labels = breaks.slice(0, -1).map((lo, i) => `${fmt(lo)} to ${fmt(breaks[i + 1])}`);
    return result(breaks, values.map((v) => (usable(v) ? classIndex(v, breaks) : null)), labels);
  }

  // Quantile by rank; a tied value takes the rank of its first occurrence so ties never split.
  const firstRank = new Map<number, number>();
  sorted.forEach((v, i) => { if (!firstRank.has(v)) firstRank.set(v, i); });
  const rawClass = (v: number) => Math.floor(((firstRank.get(v) ?? 0) * k) / sorted.length);
  const used = [...new Set(sorted.map(rawClass))]; // ascending, because sorted is
  const compact = new Map(used.map((raw, i) => [raw, i]));
  const members: number[][] = used.map(() => []);
  for (const v of sorted) members[compact.get(rawClass(v)) ?? 0].push(v);
  const breaks = [...members.map((m) => m[0]), max];
  const labels = members.map((m) => (m[0] === m[m.length - 1] ? fmt(m[0]) : `${fmt(m[0])} to ${fmt(m[m.length - 1])}`));
  return result(breaks, values.map((v) => (usable(v) ? compact.get(rawClass(v)) ?? 0 : null)), labels);
}
