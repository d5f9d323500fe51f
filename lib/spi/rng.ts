/**
 * Seeded pseudo-random numbers for Monte Carlo and property tests. xoshiro128**
 * seeded through splitmix32: small, fast, good statistical quality, and the same
 * stream on every platform (integer arithmetic with Math.imul only).
 */
export interface TRng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal (Box–Muller, no caching so the stream stays simple). */
  normal(): number;
  /** Gamma(shape, 1) (Marsaglia–Tsang; shape < 1 by the boost U^(1/shape)). */
  gamma(shape: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Create a generator; equal seeds give equal streams. Seed is taken modulo 2^32. */
export function createRng(seed: number): TRng {
  const sm = splitmix32(Math.floor(seed) >>> 0);
  let a = sm(), b = sm(), c = sm(), d = sm();
  if ((a | b | c | d) === 0) a = 1;
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = () => nextU32() / 4294967296;
  const normal = () => {
    let u = next();
    while (u === 0) u = next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const gamma = (shape: number): number => {
    if (!(shape > 0)) throw new RangeError("gamma shape must be > 0");
    if (shape < 1) {
      let u = next();
      while (u === 0) u = next();
      return gamma(shape + 1) * Math.pow(u, 1 / shape);
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number, v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (u > 0 && Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };
  return { next, normal, gamma, int: (n) => Math.floor(next() * n) };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Draw from Dirichlet(alpha) into `out` (same length). Sums to 1 (up to rounding).
 * Every alpha must be > 0.
 */
export function dirichlet(rng: TRng, alpha: ArrayLike<number>, out: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < alpha.length; i++) {
    out[i] = rng.gamma(alpha[i]);
    sum += out[i];
  }
  if (!(sum > 0)) {
    // every gamma underflowed to 0 (tiny alphas): fall back to the mean
    let s = 0;
    for (let i = 0; i < alpha.length; i++) s += alpha[i];
    for (let i = 0; i < alpha.length; i++) out[i] = alpha[i] / s;
    return out;
  }
  for (let i = 0; i < alpha.length; i++) out[i] /= sum;
  return out;
}
