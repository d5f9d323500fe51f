/**
 * "What changed since the last approved release, and why" — pure (no I/O).
 *
 * Compares two engine results ward by ward and attributes every component change to the
 * indicators that drove it. A component score is the weighted sum of its indicator scores
 * (weights sum to 1 on the 0–100 basis; missing values are imputed before weighting), so
 *
 *   Δc = Σ_i (w_now,i · s_now,i − w_before,i · s_before,i)
 *      = Σ_i w_now,i · (s_now,i − s_before,i)   ← score effect (the indicator moved)
 *      + Σ_i (w_now,i − w_before,i) · s_before,i ← weight effect (the weights moved)
 *
 * An indicator absent from one side has weight 0 there. Whatever the decomposition does not
 * explain (a component not scored on one side, rounding) is reported as `residual`.
 */
import type { TSpiResult } from "@/lib/spi";

export type TLevel = "index" | "dimension" | "component";

export interface TCompareSide {
  result: TSpiResult;
  /** run options as recorded on the score run (weighting, carryForwardYears, …) */
  options: Record<string, unknown>;
  /** framework edition label, e.g. "2015.1" */
  edition: string;
  /** framework definition when known: lets bounds changes be reported */
  framework?: TFrameworkLike | null;
  version?: number;
}

/** The parts of a framework definition this module reads (names and bounds). */
export interface TFrameworkLike {
  dimensions: Array<{
    code: string;
    name: string;
    components: Array<{ code: string; name: string; indicators: Array<{ code: string; name: string; unit?: string; direction?: number; utopia?: number; dystopia?: number }> }>;
  }>;
}

export interface TScoreChange {
  area: string;
  level: TLevel;
  /** "index" for the index, otherwise the dimension/component code */
  code: string;
  before: number | null;
  now: number | null;
  /** now − before, points on the 0–100 scale; null when either side has no score */
  change: number | null;
}

export interface TDriver {
  indicator: string;
  status: "both" | "new" | "removed";
  before: number | null;
  now: number | null;
  weightBefore: number;
  weightNow: number;
  /** w_now · (s_now − s_before); 0 when either score is missing */
  scoreEffect: number;
  /** (w_now − w_before) · s_before, or the whole term for a new/removed indicator */
  weightEffect: number;
  /** scoreEffect + weightEffect */
  total: number;
}

export interface TAttribution {
  area: string;
  component: string;
  before: number;
  now: number;
  change: number;
  weightsChanged: boolean;
  /** sorted by |total|, largest first */
  drivers: TDriver[];
  /** change − Σ drivers.total */
  residual: number;
}

export interface TMethodChange {
  what: string;
  before: string;
  now: string;
}

export interface TComparisonBasis {
  kind: "latest" | "same-period" | "common";
  currentPeriod: number;
  previousPeriod: number;
  commonPeriods: number[];
  /** one sentence saying which comparison is made */
  description: string;
}

export interface TComparison {
  basis: TComparisonBasis;
  changes: TScoreChange[];
  movers: {
    /** top N wards by |index change| */
    index: TScoreChange[];
    /** top N ward × component cells by |change| */
    cells: TScoreChange[];
    /** per ward: its top N components */
    byWard: Record<string, TScoreChange[]>;
    /** per component: its top N wards */
    byComponent: Record<string, TScoreChange[]>;
  };
  attributions: TAttribution[];
  indicators: { added: string[]; removed: string[] };
  methodology: TMethodChange[];
}

const EPS = 1e-9;
const latest = (ps: readonly number[]) => Math.max(...ps);
const byAbs = (a: { change: number | null }, b: { change: number | null }) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0);

/**
 * Which periods to compare: by default the latest of each release (and the note says so when
 * they are the same year: a revision). With `basis: "common"` the latest year both have, when
 * there is one — like for like, showing what the new data or method did to an old year.
 */
export function chooseBasis(current: readonly number[], previous: readonly number[], basis: "latest" | "common" = "latest"): TComparisonBasis {
  const commonPeriods = current.filter((p) => previous.includes(p)).sort((a, b) => a - b);
  const cur = latest(current);
  const prev = latest(previous);
  if (basis === "common" && commonPeriods.length > 0) {
    const p = commonPeriods[commonPeriods.length - 1];
    return { kind: "common", currentPeriod: p, previousPeriod: p, commonPeriods, description: `Scores for ${p} in this release compared with the scores for ${p} in the previous release.` };
  }
  if (cur === prev) {
    return { kind: "same-period", currentPeriod: cur, previousPeriod: prev, commonPeriods, description: `Both releases end in ${cur}: this compares the ${cur} scores as revised by this release with those previously published.` };
  }
  const fallback = basis === "common" ? " The releases have no year in common, so their latest years are compared." : "";
  return { kind: "latest", currentPeriod: cur, previousPeriod: prev, commonPeriods, description: `The latest year of this release (${cur}) compared with the latest year of the previous release (${prev}).${fallback}` };
}

/**
 * Compare the current release with the previous approved one. Changes are in points on the
 * 0–100 scale (positive = better), full precision (round for display only). `topN` (default 5)
 * bounds every movers list.
 */
export function compareReleases(current: TCompareSide, previous: TCompareSide, opts: { basis?: "latest" | "common"; topN?: number } = {}): TComparison {
  const topN = opts.topN ?? 5;
  const basis = chooseBasis(current.result.periods, previous.result.periods, opts.basis);
  const nowRows = new Map(current.result.scores.filter((r) => r.period === basis.currentPeriod).map((r) => [r.area, r]));
  const beforeRows = new Map(previous.result.scores.filter((r) => r.period === basis.previousPeriod).map((r) => [r.area, r]));

  const changes: TScoreChange[] = [];
  const attributions: TAttribution[] = [];
  const componentCodes = union(Object.keys(current.result.weights), Object.keys(previous.result.weights));
  for (const area of current.result.areas) {
    const now = nowRows.get(area);
    const before = beforeRows.get(area);
    changes.push(change(area, "index", "index", before?.index ?? null, now?.index ?? null));
    for (const d of union(Object.keys(now?.dimensions ?? {}), Object.keys(before?.dimensions ?? {}))) {
      changes.push(change(area, "dimension", d, before?.dimensions[d] ?? null, now?.dimensions[d] ?? null));
    }
    for (const c of componentCodes) {
      const ch = change(area, "component", c, before?.components[c] ?? null, now?.components[c] ?? null);
      changes.push(ch);
      if (ch.change === null) continue;
      attributions.push(attribute(area, c, ch.before!, ch.now!, current.result.weights[c] ?? {}, previous.result.weights[c] ?? {}, now?.indicators ?? {}, before?.indicators ?? {}));
    }
  }

  const components = changes.filter((c) => c.level === "component" && c.change !== null);
  const byWard: Record<string, TScoreChange[]> = {};
  const byComponent: Record<string, TScoreChange[]> = {};
  for (const c of components) (byWard[c.area] ??= []).push(c);
  for (const c of components) (byComponent[c.code] ??= []).push(c);
  for (const k of Object.keys(byWard)) byWard[k] = byWard[k].sort(byAbs).slice(0, topN);
  for (const k of Object.keys(byComponent)) byComponent[k] = byComponent[k].sort(byAbs).slice(0, topN);

  const nowInd = indicatorSet(current.result);
  const beforeInd = indicatorSet(previous.result);
  return {
    basis,
    changes,
    movers: {
      index: changes.filter((c) => c.level === "index" && c.change !== null).sort(byAbs).slice(0, topN),
      cells: [...components].sort(byAbs).slice(0, topN),
      byWard,
      byComponent,
    },
    attributions,
    indicators: { added: [...nowInd].filter((i) => !beforeInd.has(i)).sort(), removed: [...beforeInd].filter((i) => !nowInd.has(i)).sort() },
    methodology: methodologyChanges(current, previous),
  };
}

function change(area: string, level: TLevel, code: string, before: number | null, now: number | null): TScoreChange {
  return { area, level, code, before, now, change: before === null || now === null ? null : now - before };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function indicatorSet(r: TSpiResult): Set<string> {
  return new Set(Object.values(r.weights).flatMap((w) => Object.keys(w)));
}

/** Split one ward's component change into per-indicator score and weight effects. */
export function attribute(
  area: string,
  component: string,
  before: number,
  now: number,
  weightsNow: Record<string, number>,
  weightsBefore: Record<string, number>,
  scoresNow: Record<string, number | null>,
  scoresBefore: Record<string, number | null>,
): TAttribution {
  const drivers: TDriver[] = [];
  let weightsChanged = false;
  for (const ind of union(Object.keys(weightsNow), Object.keys(weightsBefore))) {
    const inNow = ind in weightsNow;
    const inBefore = ind in weightsBefore;
    const wNow = weightsNow[ind] ?? 0;
    const wBefore = weightsBefore[ind] ?? 0;
    const sNow = scoresNow[ind] ?? null;
    const sBefore = scoresBefore[ind] ?? null;
    if (Math.abs(wNow - wBefore) > EPS) weightsChanged = true;
    let scoreEffect = 0;
    let weightEffect = 0;
    if (inNow && inBefore) {
      if (sNow !== null && sBefore !== null) {
        scoreEffect = wNow * (sNow - sBefore);
        weightEffect = (wNow - wBefore) * sBefore;
      }
    } else if (inNow) {
      weightEffect = sNow === null ? 0 : wNow * sNow;
    } else {
      weightEffect = sBefore === null ? 0 : -wBefore * sBefore;
    }
    drivers.push({ indicator: ind, status: inNow && inBefore ? "both" : inNow ? "new" : "removed", before: sBefore, now: sNow, weightBefore: wBefore, weightNow: wNow, scoreEffect, weightEffect, total: scoreEffect + weightEffect });
  }
  drivers.sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  const explained = drivers.reduce((s, d) => s + d.total, 0);
  return { area, component, before, now, change: now - before, weightsChanged, drivers, residual: now - before - explained };
}

const OPTION_LABELS: Record<string, string> = {
  weighting: "Weighting",
  carryForwardYears: "Carry-forward window (years)",
  peerGroupSize: "Peer group size",
  uncertaintyDraws: "Uncertainty draws",
};

const show = (v: unknown) => (v === undefined || v === null ? "not set" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Framework edition, engine version, run options, each component's weighting and indicator bounds. */
export function methodologyChanges(current: TCompareSide, previous: TCompareSide): TMethodChange[] {
  const out: TMethodChange[] = [];
  const push = (what: string, before: unknown, now: unknown) => {
    if (show(before) !== show(now)) out.push({ what, before: show(before), now: show(now) });
  };
  push("Framework edition", previous.edition, current.edition);
  push("Engine version", previous.result.engineVersion, current.result.engineVersion);
  for (const k of union(Object.keys(current.options), Object.keys(previous.options))) push(OPTION_LABELS[k] ?? k, previous.options[k], current.options[k]);
  const used = (r: TSpiResult) => new Map(r.diagnostics.components.map((c) => [c.code, c.weighting + (c.weightingFallback ? " (fallback)" : "")]));
  const uNow = used(current.result);
  const uBefore = used(previous.result);
  for (const c of union([...uNow.keys()], [...uBefore.keys()])) push(`Weighting used for ${c}`, uBefore.get(c), uNow.get(c));
  if (current.framework && previous.framework) {
    const bounds = (f: TFrameworkLike) => new Map(f.dimensions.flatMap((d) => d.components.flatMap((c) => c.indicators.map((i) => [i.code, i] as const))));
    const bNow = bounds(current.framework);
    const bBefore = bounds(previous.framework);
    for (const [code, i] of bNow) {
      const p = bBefore.get(code);
      if (!p) continue;
      push(`Bounds of ${code} (best to worst)`, `${show(p.utopia)} to ${show(p.dystopia)}`, `${show(i.utopia)} to ${show(i.dystopia)}`);
      push(`Direction of ${code}`, p.direction, i.direction);
    }
  }
  return out;
}

/** Code → name for dimensions, components and indicators of a framework definition. */
export function frameworkNames(f: TFrameworkLike | null | undefined): Record<string, string> {
  const out: Record<string, string> = { index: "Social Progress Index" };
  for (const d of f?.dimensions ?? []) {
    out[d.code] = d.name;
    for (const c of d.components) {
      out[c.code] = c.name;
      for (const i of c.indicators) out[i.code] = i.name;
    }
  }
  return out;
}

const signed = (v: number, dp = 1) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(dp)}`;

/**
 * One sentence for an attribution, e.g. "Heath's Personal Safety rose 6.2 points: Recorded crime
 * +4.1, Violence +1.5, …". Drivers under 0.05 points are left out; at most `max` are named.
 */
export function describeAttribution(a: TAttribution, names: Record<string, string>, wardName: string, max = 4): string {
  const verb = Math.abs(a.change) < 0.05 ? "did not change" : a.change > 0 ? `rose ${a.change.toFixed(1)} points` : `fell ${Math.abs(a.change).toFixed(1)} points`;
  const parts = a.drivers.filter((d) => Math.abs(d.total) >= 0.05);
  const named = parts.slice(0, max).map((d) => {
    const extra = d.status === "new" ? " (new indicator)" : d.status === "removed" ? " (removed indicator)" : Math.abs(d.weightEffect) >= 0.05 ? ` (of which weight change ${signed(d.weightEffect)})` : "";
    return `${names[d.indicator] ?? d.indicator} ${signed(d.total)}${extra}`;
  });
  const more = parts.length > max ? `, and ${parts.length - max} more` : "";
  const head = `${wardName}'s ${names[a.component] ?? a.component} ${verb}`;
  return named.length === 0 ? `${head}.` : `${head}: ${named.join(", ")}${more}.`;
}
