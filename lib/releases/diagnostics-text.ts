/**
 * Plain-English warnings from an engine result's diagnostics (SPI-METHOD §3), for the
 * reviewer's screen. Pure. Diagnostics never block a release: these say what to look at.
 */
import type { TSpiResult } from "@/lib/spi";

export type TWarningSeverity = "high" | "medium" | "low";

export interface TDiagnosticWarning {
  severity: TWarningSeverity;
  kind: "alpha" | "kmo" | "loadings" | "fallback" | "coverage" | "imputed" | "carried" | "clamped" | "outliers" | "dropped";
  component: string;
  indicator?: string;
  message: string;
}

/** Thresholds (published: alpha ≥ 0.7, KMO ≥ 0.5); shares are fractions of the reference rows. */
export const THRESHOLDS = {
  alphaLow: 0.5,
  alphaAcceptable: 0.7,
  kmo: 0.5,
  coverageLow: 0.5,
  coverageAcceptable: 0.8,
  imputedShare: 0.2,
  carriedShare: 0.25,
  clampedShare: 0.1,
} as const;

const RANK: Record<TWarningSeverity, number> = { high: 0, medium: 1, low: 2 };
const pct = (x: number) => `${Math.round(x * 100)}%`;
const dp2 = (x: number) => x.toFixed(2);

/**
 * Warnings for every component and indicator that falls short of a threshold, most severe
 * first. `names` maps codes to display names (missing names fall back to the code).
 */
export function diagnosticWarnings(result: Pick<TSpiResult, "diagnostics">, names: Record<string, string> = {}): TDiagnosticWarning[] {
  const n = (code: string) => names[code] ?? code;
  const out: TDiagnosticWarning[] = [];
  for (const c of result.diagnostics.components) {
    const pca = c.weighting === "pca";
    const k = Object.keys(c.weights).length;
    if (c.cronbachAlpha !== null && c.cronbachAlpha < THRESHOLDS.alphaAcceptable) {
      const low = c.cronbachAlpha < THRESHOLDS.alphaLow;
      out.push({
        severity: low ? "high" : "medium",
        kind: "alpha",
        component: c.code,
        message: `${n(c.code)}: alpha ${dp2(c.cronbachAlpha)} (${low ? "well " : ""}below ${THRESHOLDS.alphaAcceptable}) — its indicators do not move together${pca ? "; consider equal weights" : ""}.`,
      });
    }
    if (c.kmo !== null && c.kmo < THRESHOLDS.kmo) {
      out.push({
        severity: pca ? "high" : "medium",
        kind: "kmo",
        component: c.code,
        message: `${n(c.code)}: KMO ${dp2(c.kmo)} (below ${THRESHOLDS.kmo}) — the indicators share too little to support principal-component weights${pca ? "; this component uses them" : ""}.`,
      });
    }
    if (c.nonPositiveLoadings.length > 0) {
      out.push({
        severity: pca ? "high" : "medium",
        kind: "loadings",
        component: c.code,
        message: `${n(c.code)}: ${c.nonPositiveLoadings.map(n).join(", ")} ${c.nonPositiveLoadings.length === 1 ? "moves" : "move"} against the rest of the component (non-positive loading on the first principal component) — check the direction and the data.`,
      });
    }
    if (c.weightingFallback) {
      out.push({ severity: "medium", kind: "fallback", component: c.code, message: `${n(c.code)}: principal-component weights could not be used, so equal weights were (${c.weightingFallback}).` });
    }
    if (k > 1 && c.cronbachAlpha === null && c.notes.length > 0) {
      out.push({ severity: "low", kind: "alpha", component: c.code, message: `${n(c.code)}: consistency not measured — ${c.notes.join("; ")}.` });
    }
  }
  for (const i of result.diagnostics.indicators) {
    const push = (severity: TWarningSeverity, kind: TDiagnosticWarning["kind"], message: string) => out.push({ severity, kind, component: i.component, indicator: i.code, message: `${n(i.code)}: ${message}` });
    if (i.rows === 0) continue;
    if (i.coverage < THRESHOLDS.coverageAcceptable) {
      push(i.coverage < THRESHOLDS.coverageLow ? "high" : "medium", "coverage", `only ${pct(i.coverage)} of ward-years have an observed value (${i.observed} of ${i.rows}).`);
    }
    if (i.imputed / i.rows > THRESHOLDS.imputedShare) push("medium", "imputed", `${i.imputed} of ${i.rows} values (${pct(i.imputed / i.rows)}) were imputed from the component's other indicators.`);
    if (i.carried / i.rows > THRESHOLDS.carriedShare) push("medium", "carried", `${i.carried} of ${i.rows} values (${pct(i.carried / i.rows)}) were carried forward from earlier years.`);
    const clamped = i.clampedUtopia + i.clampedDystopia;
    if (clamped / i.rows > THRESHOLDS.clampedShare) {
      push("medium", "clamped", `${clamped} of ${i.rows} values (${pct(clamped / i.rows)}) lie beyond the bounds (${i.clampedUtopia} at best, ${i.clampedDystopia} at worst) — the bounds may need revising.`);
    }
    if (i.transformDropped > 0) push("medium", "dropped", `${i.transformDropped} values could not be transformed (e.g. the log of zero) and were dropped.`);
    if (i.outliers.count > 0) {
      const ex = i.outliers.examples.slice(0, 2).map((e) => `${n(e.area)} in ${e.period}`).join(", ");
      push("low", "outliers", `${i.outliers.count} outlier${i.outliers.count === 1 ? "" : "s"} (modified z-score above ${i.outliers.threshold})${ex ? `, e.g. ${ex}` : ""} — check they are real.`);
    }
  }
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
