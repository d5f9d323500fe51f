import type { TRun } from "./pipeline";
import type { TScorecard, TScorecardItem } from "./result-types";
import type { TArea, TProblem } from "./types";

/**
 * Indices (into `values`) of the k values nearest to values[self], excluding self.
 * `order` is the index list sorted by (value, tie key); two pointers walk outwards
 * from self, so the cost is O(k). Ties in distance go to the lower side.
 */
export function nearest(order: Int32Array, posOf: Int32Array, values: ArrayLike<number>, self: number, k: number): number[] {
  const out: number[] = [];
  const v = values[self];
  let lo = posOf[self] - 1;
  let hi = posOf[self] + 1;
  while (out.length < k && (lo >= 0 || hi < order.length)) {
    const dl = lo >= 0 ? v - values[order[lo]] : Infinity;
    const dh = hi < order.length ? values[order[hi]] - v : Infinity;
    if (dl <= dh) out.push(order[lo--]);
    else out.push(order[hi++]);
  }
  return out;
}

/**
 * Strength if y > m + AAD, weakness if y < m − AAD, where m = median of the peers'
 * values and AAD = mean |y_peer − m|. Returns 1, −1, 0, or null without peer values.
 * Uses the first n entries of peerValues; a Float64Array is sorted in place.
 */
export function classifyAgainstPeers(y: number, peerValues: ArrayLike<number>, n: number = peerValues.length): { m: number; aad: number; cls: -1 | 0 | 1 } | null {
  if (n === 0 || y !== y) return null;
  // insertion sort: peer groups are small (K ≈ 15), and this allocates nothing
  const s = peerValues instanceof Float64Array ? peerValues : Float64Array.from(peerValues);
  for (let i = 1; i < n; i++) {
    const v = s[i];
    let j = i - 1;
    while (j >= 0 && s[j] > v) {
      s[j + 1] = s[j];
      j--;
    }
    s[j + 1] = v;
  }
  const m = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  let aad = 0;
  for (let i = 0; i < n; i++) aad += Math.abs(s[i] - m);
  aad /= n;
  return { m, aad, cls: y > m + aad ? 1 : y < m - aad ? -1 : 0 };
}

/**
 * SPI-METHOD §5 for one period (default: the run's latest). Peers: the K areas
 * closest on the areas' peerValue covariate among areas scored in that period;
 * with ≤ K candidates, all other areas. When no area has a covariate: all other
 * areas if there are at most K + 1, else skipped with a warning.
 * Cost O(areas · K · scores): the period's scores are copied once into a row-major
 * table in covariate order, so an area's peers are neighbouring rows of that table.
 */
export function scorecards(
  run: TRun,
  areaByCode: Map<string, TArea>,
  opts: { k: number; period: number | null },
  problems: TProblem[],
): TScorecard[] {
  const { fw, grid } = run;
  const period = opts.period ?? grid.periods[grid.periods.length - 1];
  const pIdx = grid.periods.indexOf(period);
  if (pIdx < 0) {
    problems.push({ severity: "warning", period, message: "strengths/weaknesses: period not in the run" });
    return [];
  }
  const rows: number[] = [];
  for (let r = 0; r < run.rows; r++) if (run.rowPeriod[r] === pIdx) rows.push(r);
  const codes = rows.map((r) => grid.areaCodes[run.rowArea[r]]);
  const cov = new Float64Array(rows.length);
  let withCov = 0;
  codes.forEach((c, j) => {
    const pv = areaByCode.get(c)?.peerValue;
    cov[j] = typeof pv === "number" ? pv : NaN;
    if (cov[j] === cov[j]) withCov++;
  });
  const basis = withCov > 0 ? "covariate" : "all-other-areas";
  if (basis === "all-other-areas" && rows.length - 1 > opts.k) {
    // Without a covariate, "nearest" has no meaning and all-vs-all is quadratic.
    problems.push({ severity: "warning", period, message: `strengths/weaknesses skipped: no area has a peer value and there are more than ${opts.k + 1} areas` });
    return [];
  }
  const cand = Int32Array.from(rows.map((_, j) => j).filter((j) => basis === "all-other-areas" || cov[j] === cov[j]));
  const order = Int32Array.from(cand).sort((a, b) => cov[a] - cov[b] || (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
  const posOf = new Int32Array(rows.length).fill(-1);
  order.forEach((j, p) => (posOf[j] = p));
  const nI = fw.indicators.length, nC = fw.components.length, nD = fw.dimensions.length;
  const { index, dimensions, components } = run.levels;
  const series: Array<{ level: TScorecardItem["level"]; code: string; arr: Float64Array; off: number }> = [
    { level: "index", code: "index", arr: index, off: 0 },
    ...fw.dimensions.map((d) => ({ level: "dimension" as const, code: d.code, arr: dimensions, off: d.index * run.rows })),
    ...fw.components.map((c) => ({ level: "component" as const, code: c.code, arr: components, off: c.index * run.rows })),
    ...fw.indicators.map((i) => ({ level: "indicator" as const, code: i.code, arr: run.r, off: i.index * run.rows })),
  ];
  const nS = 1 + nD + nC + nI;
  // table[pos * nS + s]: score s of the area at position pos of the covariate order
  const table = new Float64Array(order.length * nS);
  series.forEach((s, si) => {
    for (let p = 0; p < order.length; p++) table[p * nS + si] = s.arr[s.off + rows[order[p]]];
  });
  const out: TScorecard[] = [];
  const buf = new Float64Array(rows.length);
  const all = Array.from(order);
  for (let j = 0; j < rows.length; j++) {
    const card: TScorecard = { area: codes[j], period, peerBasis: basis, peers: [], strengths: [], weaknesses: [] };
    out.push(card);
    const pos = posOf[j];
    if (pos < 0) {
      card.note = "no peer value for this area";
      continue;
    }
    const peerRows = order.length - 1 <= opts.k ? all.filter((q) => q !== j) : nearest(order, posOf, cov, j, opts.k);
    // rows of one period are in area-code order, so sorting by row sorts by code
    const peers = Int32Array.from(peerRows).sort();
    card.peers = Array.from(peers, (q) => codes[q]);
    const peerPos = peers.map((q) => posOf[q]);
    for (let si = 0; si < nS; si++) {
      const y = table[pos * nS + si];
      if (y !== y) continue;
      let nb = 0;
      for (let q = 0; q < peerPos.length; q++) {
        const pv = table[peerPos[q] * nS + si];
        if (pv === pv) buf[nb++] = pv;
      }
      const c = classifyAgainstPeers(y, buf, nb);
      if (!c || c.cls === 0) continue;
      const item: TScorecardItem = { level: series[si].level, code: series[si].code, value: y, peerMedian: c.m, peerAad: c.aad };
      (c.cls > 0 ? card.strengths : card.weaknesses).push(item);
    }
  }
  return out;
}
