import type { TRun } from "./pipeline";
import type { TScorecard, TScorecardColumns, TScorecardItem } from "./result-types";
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
  const mAad = new Float64Array(2);
  const cls = classifySorted(y, s, n, mAad);
  return { m: mAad[0], aad: mAad[1], cls };
}

/** classifyAgainstPeers on values already sorted ascending; writes [m, AAD] into `out`. */
function classifySorted(y: number, s: Float64Array, n: number, out: Float64Array): -1 | 0 | 1 {
  const m = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  let aad = 0;
  for (let i = 0; i < n; i++) aad += Math.abs(s[i] - m);
  aad /= n;
  out[0] = m;
  out[1] = aad;
  return y > m + aad ? 1 : y < m - aad ? -1 : 0;
}

/**
 * classifySorted over the sorted values s[0 … size) without one of them (the element at
 * `self`, the area's own score): the same median, and the same AAD summed in the same
 * ascending order, as over the peers alone.
 */
function classifyWithout(y: number, s: Float64Array, size: number, self: number, out: Float64Array): -1 | 0 | 1 {
  const n = size - 1;
  // peer i is s[i] below self and s[i + 1] from self on
  const h = n >> 1;
  const hi = s[h < self ? h : h + 1];
  const m = n & 1 ? hi : (s[h - 1 < self ? h - 1 : h] + hi) / 2;
  let aad = 0;
  for (let i = 0; i < self; i++) aad += Math.abs(s[i] - m);
  for (let i = self + 1; i < size; i++) aad += Math.abs(s[i] - m);
  aad /= n;
  out[0] = m;
  out[1] = aad;
  return y > m + aad ? 1 : y < m - aad ? -1 : 0;
}

/**
 * A sorted multiset of numbers (NaN never stored). Windows are small (K ≈ 15), so a
 * linear scan with a shift, as in insertion sort, beats a binary search and a memmove.
 */
class SortedWindow {
  values: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(1, capacity));
  }
  insert(v: number): void {
    if (v !== v) return;
    const s = this.values;
    let j = this.size - 1;
    for (; j >= 0 && s[j] > v; j--) s[j + 1] = s[j];
    s[j + 1] = v;
    this.size++;
  }
  remove(v: number): void {
    if (v !== v) return;
    const s = this.values;
    // the last element equal to v (one is present), then close the gap
    let at = this.size - 1;
    while (s[at] > v) at--;
    for (let j = at + 1; j < this.size; j++) s[j - 1] = s[j];
    this.size--;
  }
  /** remove(out) then insert(v) in one pass: only the values between the two places move. */
  replace(out: number, v: number): void {
    if (out !== out || v !== v) {
      this.remove(out);
      this.insert(v);
      return;
    }
    const s = this.values;
    let j = this.size - 1;
    while (s[j] > out) j--;
    if (v >= out) for (; j + 1 < this.size && s[j + 1] <= v; j++) s[j] = s[j + 1];
    else for (; j > 0 && s[j - 1] > v; j--) s[j] = s[j - 1];
    s[j] = v;
  }
  /** Index of an element equal to v (one is present). */
  indexOf(v: number): number {
    const s = this.values;
    let j = this.size - 1;
    while (s[j] > v) j--;
    return j;
  }
}

/**
 * SPI-METHOD §5 for one period (default: the run's latest). Peers: the K areas
 * closest on the areas' peerValue covariate among areas scored in that period;
 * with ≤ K candidates, all other areas. When no area has a covariate: all other
 * areas if there are at most K + 1, else skipped with a warning.
 * Cost O(areas · K · scores) at most: an area's peers are a contiguous run of the
 * covariate order (nearest() walks outwards), so for each score the peers' values are
 * kept sorted in a window that slides along that order; moving to the next area
 * replaces a few values instead of sorting K again.
 */
export function scorecards(
  run: TRun,
  areaByCode: Map<string, TArea>,
  opts: { k: number; period: number | null },
  problems: TProblem[],
): TScorecardColumns {
  const { fw, grid } = run;
  const period = opts.period ?? grid.periods[grid.periods.length - 1];
  const pIdx = grid.periods.indexOf(period);
  if (pIdx < 0) {
    problems.push({ severity: "warning", period, message: "strengths/weaknesses: period not in the run" });
    return noScorecards();
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
    return noScorecards();
  }
  const cand = Int32Array.from(rows.map((_, j) => j).filter((j) => basis === "all-other-areas" || cov[j] === cov[j]));
  const order = Int32Array.from(cand).sort((a, b) => cov[a] - cov[b] || (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
  const posOf = new Int32Array(rows.length).fill(-1);
  order.forEach((j, p) => (posOf[j] = p));
  const nO = order.length;
  // peers of the area at position p of the order: positions lo[p] … hi[p] except p
  const lo = new Int32Array(nO), hi = new Int32Array(nO);
  const peerRows = new Int32Array(nO);
  const peerCount = new Int32Array(rows.length);
  for (let p = 0; p < nO; p++) peerCount[order[p]] = nO - 1 <= opts.k ? nO - 1 : Math.min(opts.k, nO - 1);
  const peerStart = new Int32Array(rows.length + 1);
  for (let j = 0; j < rows.length; j++) peerStart[j + 1] = peerStart[j] + peerCount[j];
  const peerAreaIndex = new Int32Array(peerStart[rows.length]);
  const rowArea = run.rowArea;
  const rowsOf = Int32Array.from(rows);
  for (let p = 0; p < nO; p++) {
    if (nO - 1 <= opts.k) hi[p] = nO - 1;
    else {
      lo[p] = hi[p] = p;
      for (const q of nearest(order, posOf, cov, order[p], opts.k)) {
        lo[p] = Math.min(lo[p], posOf[q]);
        hi[p] = Math.max(hi[p], posOf[q]);
      }
    }
    // rows of one period are in area-code order, so sorting by row sorts by code
    // (insertion sort: K is small)
    let np = 0;
    for (let q = lo[p]; q <= hi[p]; q++) {
      if (q === p) continue;
      const j = order[q];
      let at = np++;
      for (; at > 0 && peerRows[at - 1] > j; at--) peerRows[at] = peerRows[at - 1];
      peerRows[at] = j;
    }
    const at = peerStart[order[p]];
    for (let t = 0; t < np; t++) peerAreaIndex[at + t] = rowArea[rowsOf[peerRows[t]]];
  }
  const { index, dimensions, components } = run.levels;
  const series: Array<{ level: TScorecardItem["level"]; code: string; arr: Float64Array; off: number }> = [
    { level: "index", code: "index", arr: index, off: 0 },
    ...fw.dimensions.map((d) => ({ level: "dimension" as const, code: d.code, arr: dimensions, off: d.index * run.rows })),
    ...fw.components.map((c) => ({ level: "component" as const, code: c.code, arr: components, off: c.index * run.rows })),
    ...fw.indicators.map((i) => ({ level: "indicator" as const, code: i.code, arr: run.r, off: i.index * run.rows })),
  ];
  const nS = series.length;
  const compact = new Float64Array(rows.length);
  const col = new Float64Array(nO);
  const window = new SortedWindow(nO);
  const mAad = new Float64Array(2);
  // per position and score: class (1 strength, −1 weakness, 0 neither), peer median, AAD
  const cls = new Int8Array(nO * nS), value = new Float64Array(nO * nS), med = new Float64Array(nO * nS), aad = new Float64Array(nO * nS);
  let nItems = 0;
  series.forEach((s, si) => {
    // the period's scores in row order (a sequential walk), then in covariate order (a
    // shuffle of this small array instead of a cache miss per value in the big one)
    gatherPermuted(s.arr, s.off, rowsOf, order, compact, col);
    nItems += classifySeries(col, lo, hi, window, mAad, si, nS, cls, value, med, aad);
  });
  // items in card (area) order, then series order
  const items = {
    card: new Int32Array(nItems),
    series: new Int32Array(nItems),
    strength: new Uint8Array(nItems),
    value: new Float64Array(nItems),
    peerMedian: new Float64Array(nItems),
    peerAad: new Float64Array(nItems),
  };
  for (let j = 0, t = 0; j < rows.length; j++) {
    const p = posOf[j];
    if (p < 0) continue;
    for (let si = 0, q = p * nS; si < nS; si++, q++) {
      if (cls[q] === 0) continue;
      items.card[t] = j;
      items.series[t] = si;
      items.strength[t] = cls[q] > 0 ? 1 : 0;
      items.value[t] = value[q];
      items.peerMedian[t] = med[q];
      items.peerAad[t] = aad[q];
      t++;
    }
  }
  return {
    length: rows.length,
    period,
    peerBasis: basis,
    areaIndex: Int32Array.from(rows, (r) => run.rowArea[r]),
    noPeerValue: Uint8Array.from(posOf, (p) => (p < 0 ? 1 : 0)),
    peerStart,
    peerAreaIndex,
    series: series.map((s) => ({ level: s.level, code: s.code })),
    items,
  };
}

// The hot loops of scorecards as functions of their own (see scanColumn in diagnostics.ts).

/** compact[j] = arr[off + rows[j]], then col[p] = compact[order[p]]. */
function gatherPermuted(arr: Float64Array, off: number, rows: Int32Array, order: Int32Array, compact: Float64Array, col: Float64Array): void {
  for (let j = 0; j < rows.length; j++) compact[j] = arr[off + rows[j]];
  for (let p = 0; p < order.length; p++) col[p] = compact[order[p]];
}

/**
 * Classify every position p of one score (values `col` in covariate order) against the
 * positions lo[p] … hi[p] but p itself, into slot p·nS + si of cls/value/med/aad.
 * Returns the number of strengths and weaknesses found.
 */
function classifySeries(
  col: Float64Array,
  lo: Int32Array,
  hi: Int32Array,
  window: SortedWindow,
  mAad: Float64Array,
  si: number,
  nS: number,
  cls: Int8Array,
  value: Float64Array,
  med: Float64Array,
  aad: Float64Array,
): number {
  let found = 0;
  window.size = 0;
  // the window holds the values of positions L … R, the area's own among them; as p
  // moves along the order it usually gains one position and loses one
  let L = 0, R = -1;
  for (let p = 0; p < col.length; p++) {
    const nl = lo[p], nr = hi[p];
    const outL = Math.min(R, nl - 1), outR = Math.max(L, nr + 1);
    const inL = Math.min(nr, L - 1), inR = Math.max(nl, R + 1);
    const nOut = Math.max(0, outL - L + 1) + Math.max(0, R - outR + 1);
    const nIn = Math.max(0, inL - nl + 1) + Math.max(0, nr - inR + 1);
    if (nOut === 1 && nIn === 1) window.replace(col[outL >= L ? L : R], col[inL >= nl ? nl : nr]);
    else {
      for (let q = L; q <= outL; q++) window.remove(col[q]);
      for (let q = outR; q <= R; q++) window.remove(col[q]);
      for (let q = nl; q <= inL; q++) window.insert(col[q]);
      for (let q = inR; q <= nr; q++) window.insert(col[q]);
    }
    L = nl;
    R = nr;
    const y = col[p];
    if (y !== y || window.size < 2) continue;
    const c = classifyWithout(y, window.values, window.size, window.indexOf(y), mAad);
    if (c === 0) continue;
    found++;
    cls[p * nS + si] = c;
    value[p * nS + si] = y;
    med[p * nS + si] = mAad[0];
    aad[p * nS + si] = mAad[1];
  }
  return found;
}

export function noScorecards(): TScorecardColumns {
  const none = { card: new Int32Array(0), series: new Int32Array(0), strength: new Uint8Array(0), value: new Float64Array(0), peerMedian: new Float64Array(0), peerAad: new Float64Array(0) };
  return { length: 0, period: null, peerBasis: null, areaIndex: new Int32Array(0), noPeerValue: new Uint8Array(0), peerStart: new Int32Array(1), peerAreaIndex: new Int32Array(0), series: [], items: none };
}

/** The rows layout of `strengthsWeaknesses` (one object per card and item), equal to what the engine returns by default. */
export function scorecardRowsFromColumns(sc: TScorecardColumns, areas: readonly string[]): TScorecard[] {
  const out: TScorecard[] = new Array(sc.length);
  const { items } = sc;
  let t = 0;
  for (let c = 0; c < sc.length; c++) {
    const peers: string[] = new Array(sc.peerStart[c + 1] - sc.peerStart[c]);
    for (let q = 0; q < peers.length; q++) peers[q] = areas[sc.peerAreaIndex[sc.peerStart[c] + q]];
    const card: TScorecard = { area: areas[sc.areaIndex[c]], period: sc.period as number, peerBasis: sc.peerBasis!, peers, strengths: [], weaknesses: [] };
    for (; t < items.card.length && items.card[t] === c; t++) {
      const s = sc.series[items.series[t]];
      const item: TScorecardItem = { level: s.level, code: s.code, value: items.value[t], peerMedian: items.peerMedian[t], peerAad: items.peerAad[t] };
      (items.strength[t] ? card.strengths : card.weaknesses).push(item);
    }
    if (sc.noPeerValue[c]) card.note = "no peer value for this area";
    out[c] = card;
  }
  return out;
}
