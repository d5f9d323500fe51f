/*
 * Fast path of the observations CSV parser: reads one quote-free line of UTF-8 bytes
 * in place (no decoding, no split, no per-field strings, no regular expressions). It
 * only accepts lines whose meaning is unambiguous — codes without surrounding
 * whitespace, a plain integer period, a plain decimal value — and says "no" to
 * anything else, which the general path (decode, split, trim, validate, report
 * problems) then handles as before. Commas and newlines are single bytes that never
 * occur inside a multi-byte UTF-8 character, so scanning bytes is safe.
 */

/** Where the code fields of a simple line are (byte offsets), and its parsed period and value. */
export interface TSimpleLine {
  areaStart: number;
  areaEnd: number;
  indStart: number;
  indEnd: number;
  period: number;
  /** NaN for an empty value (missing). */
  value: number;
}

// exactly representable powers of ten (Clinger's fast path)
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** A code's first or last byte: printable ASCII other than space (anything else, e.g. a non-ASCII letter or space, goes the general way). */
const edgeOk = (c: number): boolean => c > 32 && c < 127;

/** A plain integer of 1–6 digits with an optional sign, as /^[-+]?\d{1,6}$/; NaN otherwise. */
function plainInteger(s: Uint8Array, start: number, end: number): number {
  let i = start, neg = false;
  const c0 = s[i];
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  if (end - i < 1 || end - i > 6) return NaN;
  let v = 0;
  for (; i < end; i++) {
    const d = s[i] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/**
 * A plain decimal ([-+]digits[.digits][e[-+]digits], no whitespace) as Number() reads
 * it (correctly rounded: exact for up to 15 digits and |exponent| ≤ 22 by one IEEE
 * operation, otherwise Number() itself); NaN for anything else, including Infinity.
 */
function plainDecimal(s: Uint8Array, start: number, end: number): number {
  let i = start, neg = false;
  let c = s[i];
  if (c === 45 || c === 43) {
    neg = c === 45;
    c = s[++i];
  }
  let m = 0, digits = 0, frac = 0;
  for (; i < end && (c = s[i]) >= 48 && c <= 57; i++, digits++) m = m * 10 + (c - 48);
  if (i < end && c === 46) {
    for (i++; i < end && (c = s[i]) >= 48 && c <= 57; i++, digits++, frac++) m = m * 10 + (c - 48);
  }
  if (digits === 0) return NaN;
  let exp = 0;
  if (i < end && (c === 101 || c === 69)) {
    let eNeg = false;
    c = s[++i];
    if (c === 45 || c === 43) {
      eNeg = c === 45;
      i++;
    }
    const eStart = i;
    for (; i < end && (c = s[i]) >= 48 && c <= 57; i++) exp = exp * 10 + (c - 48);
    if (i === eStart) return NaN;
    if (eNeg) exp = -exp;
  }
  if (i !== end) return NaN;
  const e10 = exp - frac;
  let v: number;
  if (digits <= 15 && e10 >= -22 && e10 <= 22) v = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
  else v = Number(String.fromCharCode(...s.subarray(neg ? start + 1 : start, end)));
  if (!Number.isFinite(v)) return NaN;
  return neg ? -v : v;
}

/** What each column up to the last needed one holds: 0 nothing read, 1 area, 2 indicator, 3 period, 4 value. */
export function columnRoles(cols: readonly number[]): Int8Array {
  const roles = new Int8Array(Math.max(...cols) + 1);
  cols.forEach((c, k) => (roles[c] = k + 1));
  return roles;
}

/**
 * Read the line s[start, end) (bytes, no quotes in it) into `out` when it is simple;
 * `roles` come from columnRoles(header positions of area, indicator, period, value).
 * False = use the general path.
 */
export function readSimpleLine(s: Uint8Array, start: number, end: number, roles: Int8Array, out: TSimpleLine): boolean {
  const need = roles.length;
  let col = 0, fieldStart = start;
  for (let i = start; ; i++) {
    if (i < end && s[i] !== 44) continue;
    // field `col` is s[fieldStart, i)
    const role = roles[col];
    if (role === 1 || role === 2) {
      if (i === fieldStart || !edgeOk(s[fieldStart]) || !edgeOk(s[i - 1])) return false;
      if (role === 1) {
        out.areaStart = fieldStart;
        out.areaEnd = i;
      } else {
        out.indStart = fieldStart;
        out.indEnd = i;
      }
    } else if (role === 3) {
      const p = plainInteger(s, fieldStart, i);
      if (p !== p) return false;
      out.period = p;
    } else if (role === 4) {
      if (i === fieldStart) out.value = NaN;
      else {
        const v = plainDecimal(s, fieldStart, i);
        if (v !== v) return false;
        out.value = v;
      }
    }
    // every needed field read; fewer fields than that: the general path reports it
    if (++col === need) return true;
    if (i >= end) return false;
    fieldStart = i + 1;
  }
}
