import type { TRun } from "./pipeline";
import type { TScorecard, TScorecardColumns, TScorecardItem } from "./result-types";
import type { TArea, TProblem } from "./types";

/**
 * Indices (into `values`) of the k values nearest to values[self], excluding self, in
 * the order of `order`: the index list sorted by (value, tie key).
 */
export function nearest(order: Int32Array, posOf: Int32Array, values: ArrayLike<number>, self: number, k: number): number[] {
  const p = posOf[self];
  const lo = nearestStart(order, values, p, k);
  const out: number[] = [];
  for (let q = lo; q <= lo + Math.min(k, order.length - 1); q++) if (q !== p) out.push(order[q]);
  return out;
}

/**
 * The first position of the k positions of `order` nearest in value to position p, and p:
 * they are a contiguous run, so two pointers walk outwards from p and the cost is O(k).
 * Ties in distance go to the lower side.
 */
function nearestStart(order: Int32Array, values: ArrayLike<number>, p: number, k: number): number {
  const v = values[order[p]];
  let lo = p - 1, hi = p + 1;
  for (let taken = 0; taken < k && (lo >= 0 || hi < order.length); taken++) {
    const dl = lo >= 0 ? v - values[order[lo]] : Infinity;
    const dh = hi < order.length ? values[order[hi]] - v : Infinity;
    if (dl <= dh) lo--;
    else hi++;
  }
  return lo + 1;
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
 * classifySorted over the sorted values s[b … b + size) without one of them (the element
 * at b + self, the area's own score): the same median, and the same AAD summed in the
 * same ascending order, as over the peers alone.
 */
function classifyWithout(y: number, s: Float64Array, b: number, size: number, self: number, out: Float64Array): -1 | 0 | 1 {
  const n = size - 1;
  // peer i is s[b + i] below self and s[b + i + 1] from self on
  const h = n >> 1;
  const hi = s[b + (h < self ? h : h + 1)];
  const m = n & 1 ? hi : (s[b + (h - 1 < self ? h - 1 : h)] + hi) / 2;
  let aad = 0;
  for (let i = b, e = b + self; i < e; i++) aad += Math.abs(s[i] - m);
  for (let i = b + self + 1, e = b + size; i < e; i++) aad += Math.abs(s[i] - m);
  aad /= n;
  out[0] = m;
  out[1] = aad;
  return y > m + aad ? 1 : y < m - aad ? -1 : 0;
}

/**
 * The sorted windows of all scores side by side in one array: window w holds
 * s[b … b + n) with b = w · width, sorted ascending (NaN never stored). Windows are
 * small (K ≈ 15), so a linear scan with a shift, as in insertion sort, beats a binary
 * search and a memmove. Each operation returns the window's new size.
 */
function winInsert(s: Float64Array, b: number, n: number, v: number): number {
  if (v !== v) return n;
  let j = b + n - 1;
  for (; j >= b && s[j] > v; j--) s[j + 1] = s[j];
  s[j + 1] = v;
  return n + 1;
}

function winRemove(s: Float64Array, b: number, n: number, v: number): number {
  if (v !== v) return n;
  // the last element equal to v (one is present), then close the gap
  let at = b + n - 1;
  while (s[at] > v) at--;
  for (let j = at + 1; j < b + n; j++) s[j - 1] = s[j];
  return n - 1;
}

/** winRemove(out) then winInsert(v) in one pass: only the values between the two places move. */
function winReplace(s: Float64Array, b: number, n: number, out: number, v: number): number {
  if (out !== out || v !== v) return winInsert(s, b, winRemove(s, b, n, out), v);
  let j = b + n - 1;
  while (s[j] > out) j--;
  if (v >= out) for (; j + 1 < b + n && s[j + 1] <= v; j++) s[j] = s[j + 1];
  else for (; j > b && s[j - 1] > v; j--) s[j] = s[j - 1];
  s[j] = v;
  return n;
}

/**
 * The window of the values col[from … to] (NaN skipped), afresh: cheaper than many
 * removals and insertions when the peer run jumps (at a gap in the covariate). Without
 * a −0 in the score this is what those would leave, as a window then holds exactly the
 * non-NaN values of its positions in ascending order however it was built (equal
 * doubles are the same bits). With a −0, which zero winRemove takes (−0 === 0) depends
 * on the order of the operations, so such a score keeps moving one value at a time.
 */
function winFill(s: Float64Array, b: number, col: Float64Array, from: number, to: number): number {
  let n = 0;
  for (let q = from; q <= to; q++) n = winInsert(s, b, n, col[q]);
  return n;
}

/** Index (from b) of an element equal to v (one is present). */
function winIndexOf(s: Float64Array, b: number, n: number, v: number): number {
  let j = b + n - 1;
  while (s[j] > v) j--;
  return j - b;
}

/**
 * SPI-METHOD §5 for one period (default: the run's latest). Peers: the K areas
 * closest on the areas' peerValue covariate among areas scored in that period;
 * with ≤ K candidates, all other areas. When no area has a covariate: all other
 * areas if there are at most K + 1, else skipped with a warning.
 * Cost O(areas · K · scores) at most: an area's peers are a contiguous run of the
 * covariate order (see nearestStart), so for each score the peers' values are
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
  if (nO - 1 <= opts.k) hi.fill(nO - 1);
  else peerRanges(order, cov, opts.k, lo, hi);
  const peerStart = new Int32Array(rows.length + 1);
  for (let j = 0; j < rows.length; j++) peerStart[j + 1] = peerStart[j] + (posOf[j] < 0 ? 0 : nO - 1 <= opts.k ? nO - 1 : opts.k);
  const rowsOf = Int32Array.from(rows);
  const peerAreaIndex = peerLists(order, lo, hi, peerStart, rowsOf, run.rowArea);
  const { index, dimensions, components } = run.levels;
  const series: Array<{ level: TScorecardItem["level"]; code: string; arr: Float64Array; off: number }> = [
    { level: "index", code: "index", arr: index, off: 0 },
    ...fw.dimensions.map((d) => ({ level: "dimension" as const, code: d.code, arr: dimensions, off: d.index * run.rows })),
    ...fw.components.map((c) => ({ level: "component" as const, code: c.code, arr: components, off: c.index * run.rows })),
    ...fw.indicators.map((i) => ({ level: "indicator" as const, code: i.code, arr: run.r, off: i.index * run.rows })),
  ];
  const nS = series.length;
  // the period's scores in covariate order, one score after another: cols[si · nO + p]
  // (per score, in row order first, a sequential walk, then shuffled in that small array
  // instead of a cache miss per value in the big one); a score with a −0 is marked
  const cols = new Float64Array(nS * nO);
  const compact = new Float64Array(rows.length);
  const negZero = new Uint8Array(nS);
  for (let si = 0; si < nS; si++) negZero[si] = gatherPermuted(series[si].arr, series[si].off, rowsOf, order, compact, cols.subarray(si * nO, (si + 1) * nO)) ? 1 : 0;
  const found = classifyPositions(cols, nS, negZero, lo, hi);
  return {
    length: rows.length,
    period,
    peerBasis: basis,
    areaIndex: Int32Array.from(rows, (r) => run.rowArea[r]),
    noPeerValue: Uint8Array.from(posOf, (p) => (p < 0 ? 1 : 0)),
    peerStart,
    peerAreaIndex,
    series: series.map((s) => ({ level: s.level, code: s.code })),
    items: itemsByCard(found, posOf),
  };
}

// The hot loops of scorecards as functions of their own (see scanColumn in diagnostics.ts).

/** lo[p] … hi[p]: the positions of nearest(order, posOf, values, order[p], k) and p itself (k < order.length − 1). */
function peerRanges(order: Int32Array, values: Float64Array, k: number, lo: Int32Array, hi: Int32Array): void {
  for (let p = 0; p < order.length; p++) {
    lo[p] = nearestStart(order, values, p, k);
    hi[p] = lo[p] + k;
  }
}

/**
 * Each card's peers (areas, in code order) from the positions lo[p] … hi[p] but p: rows
 * of one period are in area-code order, so sorting by row sorts by code (insertion sort:
 * K is small).
 */
function peerLists(order: Int32Array, lo: Int32Array, hi: Int32Array, peerStart: Int32Array, rowsOf: Int32Array, rowArea: Int32Array): Int32Array {
  const peerAreaIndex = new Int32Array(peerStart[peerStart.length - 1]);
  const peerRows = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) {
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
  return peerAreaIndex;
}

/** compact[j] = arr[off + rows[j]], then col[p] = compact[order[p]]; true if col holds a −0. */
function gatherPermuted(arr: Float64Array, off: number, rows: Int32Array, order: Int32Array, compact: Float64Array, col: Float64Array): boolean {
  for (let j = 0; j < rows.length; j++) compact[j] = arr[off + rows[j]];
  let negZero = false;
  for (let p = 0; p < order.length; p++) {
    const v = (col[p] = compact[order[p]]);
    if (v === 0 && 1 / v < 0) negZero = true;
  }
  return negZero;
}

/** Strengths and weaknesses in position order, then series order; those of position p end at end[p]. */
interface TFound {
  series: Int32Array;
  strength: Uint8Array;
  value: Float64Array;
  peerMedian: Float64Array;
  peerAad: Float64Array;
  end: Int32Array;
}

function newFound(capacity: number, nO: number): TFound {
  return { series: new Int32Array(capacity), strength: new Uint8Array(capacity), value: new Float64Array(capacity), peerMedian: new Float64Array(capacity), peerAad: new Float64Array(capacity), end: new Int32Array(nO) };
}

/**
 * Classify every position p of the order, for every score, against the positions
 * lo[p] … hi[p] but p itself. Position by position, all scores at once: each score has
 * its sorted window (of the values at positions L … R, the area's own among them) that
 * gains and loses a position or so as p moves along the order, and what is found is
 * appended in the order it is found, so nothing is written far apart (a slot per
 * position and score, strided by the number of scores, was a cache miss per item).
 */
function classifyPositions(cols: Float64Array, nS: number, negZero: Uint8Array, lo: Int32Array, hi: Int32Array): TFound {
  const nO = lo.length;
  let width = 1;
  for (let p = 0; p < nO; p++) width = Math.max(width, hi[p] - lo[p] + 1);
  const win = new Float64Array(nS * width), size = new Int32Array(nS);
  const mAad = new Float64Array(2);
  // roughly half of all position × score pairs are a strength or a weakness
  let f = newFound(Math.max(nS, (nO * nS) >> 1), nO);
  let t = 0, L = 0, R = -1;
  for (let p = 0; p < nO; p++) {
    if (t + nS > f.series.length) f = grown(f, t, Math.min(nO * nS, 2 * f.series.length));
    t = classifyPosition(cols, nO, nS, negZero, p, L, R, lo[p], hi[p], win, width, size, mAad, f, t);
    f.end[p] = t;
    L = lo[p];
    R = hi[p];
  }
  return f;
}

function grown(f: TFound, used: number, capacity: number): TFound {
  const g = newFound(capacity, f.end.length);
  g.series.set(f.series.subarray(0, used));
  g.strength.set(f.strength.subarray(0, used));
  g.value.set(f.value.subarray(0, used));
  g.peerMedian.set(f.peerMedian.subarray(0, used));
  g.peerAad.set(f.peerAad.subarray(0, used));
  g.end.set(f.end);
  return g;
}

/**
 * One position p for every score: move the windows from positions L … R to nl … nr
 * (usually one position out and one in: a replace), then classify the area's own value
 * against the others. Appends from f[t] and returns the new end.
 */
function classifyPosition(
  cols: Float64Array,
  nO: number,
  nS: number,
  negZero: Uint8Array,
  p: number,
  L: number,
  R: number,
  nl: number,
  nr: number,
  win: Float64Array,
  width: number,
  size: Int32Array,
  mAad: Float64Array,
  f: TFound,
  t: number,
): number {
  const outL = Math.min(R, nl - 1), outR = Math.max(L, nr + 1);
  const inL = Math.min(nr, L - 1), inR = Math.max(nl, R + 1);
  const nOut = Math.max(0, outL - L + 1) + Math.max(0, R - outR + 1);
  const nIn = Math.max(0, inL - nl + 1) + Math.max(0, nr - inR + 1);
  const one = nOut === 1 && nIn === 1;
  const qOut = outL >= L ? L : R, qIn = inL >= nl ? nl : nr;
  for (let si = 0, c = 0, b = 0; si < nS; si++, c += nO, b += width) {
    let n = size[si];
    if (one) n = winReplace(win, b, n, cols[c + qOut], cols[c + qIn]);
    else if (nOut + nIn > 4 && !negZero[si]) n = winFill(win, b, cols, c + nl, c + nr);
    else {
      for (let q = L; q <= outL; q++) n = winRemove(win, b, n, cols[c + q]);
      for (let q = outR; q <= R; q++) n = winRemove(win, b, n, cols[c + q]);
      for (let q = nl; q <= inL; q++) n = winInsert(win, b, n, cols[c + q]);
      for (let q = inR; q <= nr; q++) n = winInsert(win, b, n, cols[c + q]);
    }
    size[si] = n;
    const y = cols[c + p];
    if (y !== y || n < 2) continue;
    const cls = classifyWithout(y, win, b, n, winIndexOf(win, b, n, y), mAad);
    if (cls === 0) continue;
    f.series[t] = si;
    f.strength[t] = cls > 0 ? 1 : 0;
    f.value[t] = y;
    f.peerMedian[t] = mAad[0];
    f.peerAad[t] = mAad[1];
    t++;
  }
  return t;
}

/** The items in card (area) order, then series order: each card's items are its position's block of `found`. */
function itemsByCard(f: TFound, posOf: Int32Array): TScorecardColumns["items"] {
  const nItems = f.end.length ? f.end[f.end.length - 1] : 0;
  const items = {
    card: new Int32Array(nItems),
    series: new Int32Array(nItems),
    strength: new Uint8Array(nItems),
    value: new Float64Array(nItems),
    peerMedian: new Float64Array(nItems),
    peerAad: new Float64Array(nItems),
  };
  for (let j = 0, t = 0; j < posOf.length; j++) {
    const p = posOf[j];
    if (p < 0) continue;
    for (let u = p ? f.end[p - 1] : 0; u < f.end[p]; u++, t++) {
      items.card[t] = j;
      items.series[t] = f.series[u];
      items.strength[t] = f.strength[u];
      items.value[t] = f.value[u];
      items.peerMedian[t] = f.peerMedian[u];
      items.peerAad[t] = f.peerAad[u];
    }
  }
  return items;
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
