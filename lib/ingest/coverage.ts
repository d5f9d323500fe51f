import type { TIssueSink } from "./issues";
import type { TStore } from "./store";
import type { TCoverageCell, TEngineAction, TIngestContext } from "./types";

/*
 * Coverage: for each of the council's wards × the edition's indicators, over the periods
 * this upload brings, which values are missing and what the engine will do about them
 * (SPI-METHOD: carry forward up to `carryForwardYears`, impute when a component misses at
 * most `maxMissing` indicators, otherwise leave the component unscored).
 */

const RANK: Record<TEngineAction, number> = { complete: 0, "carry-forward": 1, impute: 2, unscored: 3 };

export function computeCoverage(s: TStore, skip: Uint8Array, ctx: TIngestContext, areaCodes: string[], sink: TIssueSink): TCoverageCell[] {
  const periods = [...new Set(Array.from(s.period.subarray(0, s.n)))].sort((a, b) => a - b);
  if (periods.length === 0 || areaCodes.length === 0) return [];
  const cf = ctx.carryForwardYears ?? 2;
  const maxMissing = ctx.maxMissing ?? 1;
  const inds = ctx.indicators;
  const A = areaCodes.length, I = inds.length;
  const pmin = periods[0] - cf, pmax = periods[periods.length - 1];
  const P = pmax - pmin + 1;
  if (A * I * P > 5e7) return [];
  // has[a][i][p]: a value exists (upload or already loaded)
  const has = new Uint8Array(A * I * P);
  const at = (a: number, i: number, p: number) => (a * I + i) * P + (p - pmin);
  for (let k = 0; k < s.n; k++) if (!skip[k] && s.value[k] === s.value[k]) has[at(s.area[k], s.indicator[k], s.period[k])] = 1;
  const aIdx = new Map(areaCodes.map((c, k) => [c, k]));
  const iIdx = new Map(inds.map((x, k) => [x.code, k]));
  for (const o of ctx.previous ?? []) {
    const a = aIdx.get(o.area), i = iIdx.get(o.indicator);
    if (a !== undefined && i !== undefined && o.period >= pmin && o.period <= pmax && Number.isFinite(o.value)) has[at(a, i, o.period)] = 1;
  }
  // wards in force for each period (boundary vintages)
  const vintageOf = new Map(ctx.areas.map((x) => [x.code, new Set<string>()]));
  for (const x of ctx.areas) vintageOf.get(x.code)!.add(x.vintage);
  const inForce = (a: number, p: number) => !ctx.vintageForPeriod || vintageOf.get(areaCodes[a])!.has(ctx.vintageForPeriod(p));
  const carried = (a: number, i: number, p: number) => {
    for (let q = p - 1; q >= p - cf; q--) if (has[at(a, i, q)]) return true;
    return false;
  };
  const components = new Map<string, number[]>();
  inds.forEach((x, i) => components.set(x.component ?? `#${x.code}`, [...(components.get(x.component ?? `#${x.code}`) ?? []), i]));
  const compOf = inds.map((x) => components.get(x.component ?? `#${x.code}`)!);
  const out: TCoverageCell[] = [];
  const perIndicator = inds.map(() => ({ series: 0, cells: 0, carry: 0, impute: 0, unscored: 0 }));
  for (let a = 0; a < A; a++) {
    for (let i = 0; i < I; i++) {
      const present: number[] = [], missing: number[] = [];
      let worst: TEngineAction = "complete";
      for (const p of periods) {
        if (!inForce(a, p)) continue;
        if (has[at(a, i, p)]) {
          present.push(p);
          continue;
        }
        missing.push(p);
        let action: TEngineAction = "carry-forward";
        if (!carried(a, i, p)) {
          const comp = compOf[i];
          const gaps = comp.filter((j) => !has[at(a, j, p)] && !carried(a, j, p)).length;
          action = comp.length > 1 && gaps <= Math.min(maxMissing, comp.length - 1) ? "impute" : "unscored";
        }
        const st = perIndicator[i];
        st.cells++;
        if (action === "carry-forward") st.carry++;
        else if (action === "impute") st.impute++;
        else st.unscored++;
        if (RANK[action] > RANK[worst]) worst = action;
      }
      if (present.length + missing.length === 0) continue;
      if (missing.length) perIndicator[i].series++;
      out.push({ area: areaCodes[a], indicator: inds[i].code, periods: present, missingPeriods: missing, engineAction: worst });
    }
  }
  const total = { complete: 0, "carry-forward": 0, impute: 0, unscored: 0 };
  for (const c of out) total[c.engineAction]++;
  const span = periods.length > 1 ? `${periods[0]}–${periods[periods.length - 1]}` : `${periods[0]}`;
  sink.add({ row: null, column: null, code: "COVERAGE_SUMMARY", severity: "info", message: `coverage of ${A} wards × ${I} indicators over ${span}: ${total.complete} series complete; where values are missing the engine will carry forward ${total["carry-forward"]}, impute ${total.impute} and leave ${total.unscored} unscored` });
  // indicators with no value at all in these periods are one line, not one per ward
  const absent = inds.filter((_, i) => perIndicator[i].cells > 0 && perIndicator[i].cells === perIndicator[i].series * periods.length && !out.some((c) => c.indicator === inds[i].code && c.periods.length > 0));
  if (absent.length) sink.add({ row: null, column: null, code: "COVERAGE_INDICATOR_ABSENT", severity: "info", message: `${absent.length} of ${I} indicators have no values for ${span} in this upload or the data already loaded: ${absent.map((x) => x.code).join(", ")}` });
  const absentSet = new Set(absent.map((x) => x.code));
  perIndicator.forEach((st, i) => {
    if (!st.cells || absentSet.has(inds[i].code)) return;
    sink.add({ row: null, column: null, code: "COVERAGE_GAP", severity: "info", indicator: inds[i].code, message: `${inds[i].code}: ${st.series} ward${st.series === 1 ? "" : "s"} with missing periods (${st.cells} ward-periods): the engine will carry forward ${st.carry}, impute ${st.impute}, leave ${st.unscored} unscored` });
  });
  return out;
}
