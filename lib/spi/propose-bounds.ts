/**
 * Proposes utopia (U) and dystopia (D) bounds for SPI indicators from a reference set of
 * observations (SPI-METHOD.md §1). A person approves the proposal; the engine never
 * re-derives bounds per run. Pure: no I/O, no framework imports.
 */

// Identical in shape to the TransformStep that lib/spi/types.ts will export; defined
// locally until that file lands (structural typing keeps the two interchangeable).
export type TransformStep =
  | { floor: number }
  | { cap: number }
  | { log: true }
  | { log1p: true }
  | { parity: number };

export type BoundsIndicator = {
  code: string;
  unit: string;
  direction: 1 | -1;
  transform?: TransformStep[];
};
export type BoundsObservation = {
  area: string;
  indicator: string;
  period: number;
  value: number | null;
};
export type ProposedBounds = {
  indicator: string;
  utopia: number;
  dystopia: number;
  natural: boolean;
  rationale: string;
};

/** Default margin: 5 % of the observed (transformed) range beyond the best and worst values. */
export const DEFAULT_MARGIN_FRACTION = 0.05;
/** A natural limit is adopted when the observed extreme lies within this many margins of it. */
export const NATURAL_SNAP_MARGINS = 2;

type UnitKind = "percent" | "rate" | "count" | "nonNegative" | "unbounded";
/** The admissible interval of an indicator, and whether each end is a meaningful best/worst. */
type Limits = {
  lo: number;
  hi: number;
  loNatural: boolean;
  hiNatural: boolean;
};

/**
 * Classifies a unit string. Percent: 0–100, both ends natural. Rate ("per …", "rate"):
 * ≥ 0, 0 natural (0 crimes). Count: ≥ 0 but never natural (a count scales with
 * population). Years, money, concentrations, points, ratios: ≥ 0, not natural (0 years of
 * life or an SMR of 0 are not meaningful targets). Anything else (score, rank, index): no limits.
 */
export function classifyUnit(unit: string): UnitKind {
  const u = unit.trim().toLowerCase();
  if (/%|percent|per cent|\bpct\b/.test(u)) return "percent";
  if (/\bper\b|\brate\b/.test(u)) return "rate";
  if (/\b(count|number|persons|people|households|dwellings)\b/.test(u))
    return "count";
  if (/\b(years?|gbp|£|ug\/m3|µg\/m³|km2|points|ratio|minutes)\b|£/.test(u))
    return "nonNegative";
  return "unbounded";
}

function unitLimits(kind: UnitKind): Limits {
  if (kind === "percent")
    return { lo: 0, hi: 100, loNatural: true, hiNatural: true };
  if (kind === "rate")
    return { lo: 0, hi: Infinity, loNatural: true, hiNatural: false };
  if (kind === "unbounded")
    return { lo: -Infinity, hi: Infinity, loNatural: false, hiNatural: false };
  return { lo: 0, hi: Infinity, loNatural: false, hiNatural: false };
}

/** Applies one transform step to a raw value, as the engine does (step 2). */
export function applyStep(x: number, step: TransformStep): number {
  if ("floor" in step) return Math.max(x, step.floor);
  if ("cap" in step) return Math.min(x, step.cap);
  if ("log" in step) return Math.log(x);
  if ("log1p" in step) return Math.log1p(x);
  return Math.abs(step.parity - x);
}

export function applyTransform(x: number, steps: TransformStep[] = []): number {
  return steps.reduce(applyStep, x);
}

/** Maps the admissible interval through a step (all steps are monotone except parity). */
function transformLimits(l: Limits, step: TransformStep): Limits {
  if ("floor" in step || "cap" in step) {
    const lo = applyStep(l.lo, step);
    const hi = applyStep(l.hi, step);
    return {
      lo,
      hi,
      loNatural: l.loNatural && lo === l.lo,
      hiNatural: l.hiNatural && hi === l.hi,
    };
  }
  if ("log" in step || "log1p" in step) {
    const f = (v: number) => (v === Infinity ? Infinity : applyStep(v, step));
    const lo = f(l.lo);
    const hi = f(l.hi);
    const ok = (v: number) => Number.isFinite(v);
    const safeLo = ok(lo) ? lo : -Infinity;
    return {
      lo: safeLo,
      hi: ok(hi) ? hi : Infinity,
      loNatural: l.loNatural && ok(lo),
      hiNatural: l.hiNatural && ok(hi),
    };
  }
  const t = step.parity;
  const dLo = Math.abs(t - l.lo);
  const dHi = Math.abs(t - l.hi);
  const hi = Math.max(dLo, dHi);
  const hiNatural =
    Number.isFinite(hi) && (dLo >= dHi ? l.loNatural : l.hiNatural);
  if (t >= l.lo && t <= l.hi) return { lo: 0, hi, loNatural: true, hiNatural }; // parity reached = natural best
  return { lo: Math.min(dLo, dHi), hi, loNatural: false, hiNatural };
}

const fmt = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const s =
    a >= 1000
      ? v.toFixed(0)
      : a >= 100
        ? v.toFixed(1)
        : a >= 1
          ? v.toPrecision(3)
          : v.toPrecision(2);
  return String(Number(s)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
};
const withUnit = (v: number, unit: string, transformed: boolean): string =>
  transformed
    ? fmt(v)
    : unit.trim().startsWith("%")
      ? `${fmt(v)} %`
      : `${fmt(v)} ${unit.trim()}`;

type EndInput = {
  which: "utopia" | "dystopia";
  observed: number; // best (utopia) or worst (dystopia) observed value
  outward: 1 | -1; // +1 when the bound extends upwards from the observed value
  natural: number | null; // the natural limit on this side, if meaningful
  limit: number; // the hard limit on this side (may be infinite)
  margin: number;
};

function proposeEnd(
  e: EndInput,
  unit: string,
  transformed: boolean,
  marginPct: string,
): { value: number; natural: boolean; text: string } {
  const label = e.which === "utopia" ? "best" : "worst";
  const naturalWord = e.which === "utopia" ? "natural best" : "natural worst";
  const obs = withUnit(e.observed, unit, transformed);
  if (
    e.natural !== null &&
    Math.abs(e.natural - e.observed) <= NATURAL_SNAP_MARGINS * e.margin + 1e-12
  ) {
    const nat = withUnit(e.natural, unit, transformed);
    return {
      value: e.natural,
      natural: true,
      text: `${nat}, the ${naturalWord}, adopted because the ${label} observed (${obs}) is within ${NATURAL_SNAP_MARGINS} margins of it`,
    };
  }
  const extended = e.observed + e.outward * e.margin;
  const clamped =
    e.outward === 1 ? Math.min(extended, e.limit) : Math.max(extended, e.limit);
  let text = `${label} observed (${obs}) ${e.outward === 1 ? "plus" : "less"} a ${marginPct} margin`;
  if (clamped !== extended)
    text += `, stopped at the limit ${withUnit(clamped, unit, transformed)}`;
  if (e.natural !== null && e.which === "utopia")
    text += `; ${withUnit(e.natural, unit, transformed)} is the ${naturalWord} but no area is near it`;
  return { value: clamped, natural: false, text };
}

/**
 * Proposes U and D per indicator, in input order, in transformed units.
 *
 * Values are passed through the indicator's transform pipeline first; non-finite results
 * (e.g. ln 0) and nulls are ignored. The margin is `marginFraction` (default 0.05) of the
 * observed range (of |value|, or 1 if all values are 0, when the range is zero). Natural
 * limits come from the unit (see {@link classifyUnit}) and are adopted only when the
 * observed extreme is within {@link NATURAL_SNAP_MARGINS} margins of them: so a % where
 * higher is better gets U = 100 only if some area is close to 100 (e.g. a coverage rate),
 * not for shares such as degree-level qualifications where 100 % is implausible.
 * Margins never cross hard limits (0 for non-negative units, 100 for %). For direction −1
 * U < D; for +1 U > D. `natural` is true when either bound is a natural limit.
 * An indicator with no usable observations gets NaN bounds and a rationale saying so.
 */
export function proposeBounds(input: {
  indicators: Array<BoundsIndicator>;
  observations: Array<BoundsObservation>;
  marginFraction?: number;
}): Array<ProposedBounds> {
  const f = input.marginFraction ?? DEFAULT_MARGIN_FRACTION;
  if (!Number.isFinite(f) || f < 0)
    throw new RangeError(
      `marginFraction must be a finite number ≥ 0, got ${f}`,
    );
  const marginPct = `${fmt(f * 100)} %`;

  const byIndicator = new Map<string, BoundsObservation[]>();
  for (const o of input.observations) {
    const list = byIndicator.get(o.indicator);
    if (list) list.push(o);
    else byIndicator.set(o.indicator, [o]);
  }

  return input.indicators.map((ind) => {
    const steps = ind.transform ?? [];
    const transformed = steps.length > 0;
    let min = Infinity,
      max = -Infinity,
      pMin = Infinity,
      pMax = -Infinity,
      dropped = 0;
    const areas = new Set<string>();
    for (const o of byIndicator.get(ind.code) ?? []) {
      if (o.value === null || !Number.isFinite(o.value)) continue;
      const x = applyTransform(o.value, steps);
      if (!Number.isFinite(x)) {
        dropped++;
        continue;
      }
      if (x < min) min = x;
      if (x > max) max = x;
      if (o.period < pMin) pMin = o.period;
      if (o.period > pMax) pMax = o.period;
      areas.add(o.area);
    }
    if (areas.size === 0) {
      return {
        indicator: ind.code,
        utopia: NaN,
        dystopia: NaN,
        natural: false,
        rationale: `No usable observations for ${ind.code}: bounds cannot be proposed and must be set by hand.`,
      };
    }
    const limits = steps.reduce(
      transformLimits,
      unitLimits(classifyUnit(ind.unit)),
    );
    const range = max - min;
    const spread = range > 0 ? range : Math.abs(max) > 0 ? Math.abs(max) : 1;
    const margin = f * spread;
    const up = ind.direction === 1;
    const hiEnd = {
      outward: 1 as const,
      natural: limits.hiNatural ? limits.hi : null,
      limit: limits.hi,
      margin,
    };
    const loEnd = {
      outward: -1 as const,
      natural: limits.loNatural ? limits.lo : null,
      limit: limits.lo,
      margin,
    };
    const u = proposeEnd(
      { which: "utopia", observed: up ? max : min, ...(up ? hiEnd : loEnd) },
      ind.unit,
      transformed,
      marginPct,
    );
    const d = proposeEnd(
      { which: "dystopia", observed: up ? min : max, ...(up ? loEnd : hiEnd) },
      ind.unit,
      transformed,
      marginPct,
    );

    const periods = pMin === pMax ? `${pMin}` : `${pMin}–${pMax}`;
    const scope = `across ${areas.size} area${areas.size === 1 ? "" : "s"}, ${periods}`;
    const notes: string[] = [];
    if (transformed)
      notes.push(
        `values in transformed units (${steps.map(describeStep).join(", then ")})`,
      );
    if (range === 0)
      notes.push(
        "all observed values are equal, so the margin is taken on the value itself",
      );
    if (dropped > 0)
      notes.push(
        `${dropped} value${dropped === 1 ? "" : "s"} dropped as not finite after the transform`,
      );
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    const rationale =
      `${up ? "Higher" : "Lower"} is better; ${scope}. Utopia: ${u.text}. Dystopia: ${d.text}.` +
      (notes.length > 0 ? ` ${cap(notes.join("; "))}.` : "");
    return {
      indicator: ind.code,
      utopia: u.value,
      dystopia: d.value,
      natural: u.natural || d.natural,
      rationale,
    };
  });
}

function describeStep(s: TransformStep): string {
  if ("floor" in s) return `floor ${fmt(s.floor)}`;
  if ("cap" in s) return `cap ${fmt(s.cap)}`;
  if ("log" in s) return "ln(x)";
  if ("log1p" in s) return "ln(x+1)";
  return `distance from ${fmt(s.parity)}`;
}
