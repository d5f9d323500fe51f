import { describe, expect, it } from "vitest";
import { householderR, jacobiEigen, leastSquares, symmetricInverse } from "./linalg";
import { createRng } from "./rng";

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal();
  return a;
}

describe("jacobiEigen", () => {
  it.each([
    { m: [2, 1, 1, 2], values: [3, 1] },
    { m: [4, 0, 0, 1], values: [4, 1] },
    { m: [1, 0, 0, 0, 5, 0, 0, 0, 3], values: [5, 3, 1] },
  ])("eigenvalues of $m", ({ m, values }) => {
    const n = values.length;
    const e = jacobiEigen(Float64Array.from(m), n);
    values.forEach((v, j) => expect(e.values[j]).toBeCloseTo(v, 12));
  });

  it.each([3, 5, 8])("reconstructs a random symmetric matrix of order %i: A = V Λ Vᵀ, V orthonormal", (n) => {
    const a = randomSymmetric(n, n);
    const { values, vectors } = jacobiEigen(a, n);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        let s = 0, dot = 0;
        for (let j = 0; j < n; j++) {
          s += values[j] * vectors[j * n + r] * vectors[j * n + c];
          dot += vectors[r * n + j] * vectors[c * n + j];
        }
        expect(s).toBeCloseTo(a[r * n + c], 10);
        expect(dot).toBeCloseTo(r === c ? 1 : 0, 10);
      }
    for (let j = 1; j < n; j++) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
  });
});

describe("leastSquares (Householder QR)", () => {
  it("recovers exact coefficients", () => {
    const rng = createRng(3);
    const m = 50, n = 3;
    const a = new Float64Array(m * n), b = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      a[i * n] = 1;
      a[i * n + 1] = rng.normal();
      a[i * n + 2] = rng.normal();
      b[i] = 2 - 3 * a[i * n + 1] + 0.5 * a[i * n + 2];
    }
    const ls = leastSquares(a, m, n, b);
    expect(ls.ok).toBe(true);
    if (ls.ok) [2, -3, 0.5].forEach((c, j) => expect(ls.coef[j]).toBeCloseTo(c, 10));
  });

  it("matches the normal equations on noisy data", () => {
    // y = 1 + x with residuals ±1 alternating: OLS slope 1, intercept 1 exactly
    const xs = [0, 0, 1, 1, 2, 2];
    const a = Float64Array.from(xs.flatMap((x) => [1, x]));
    const b = Float64Array.from(xs.map((x, i) => 1 + x + (i % 2 ? 1 : -1)));
    const ls = leastSquares(a, 6, 2, b);
    expect(ls.ok && Array.from(ls.coef).map((c) => +c.toFixed(10))).toEqual([1, 1]);
  });

  it.each([
    { name: "collinear columns", a: [1, 2, 2, 4, 3, 6], m: 3 },
    { name: "zero column", a: [1, 0, 1, 0, 1, 0], m: 3 },
    { name: "fewer rows than unknowns", a: [1, 2], m: 1 },
  ])("reports $name as not ok", ({ a, m }) => {
    expect(leastSquares(Float64Array.from(a), m, 2, new Float64Array(m)).ok).toBe(false);
  });

  it("householderR gives RᵀR = XᵀX and subset regressions equal to full-design ones", () => {
    const rng = createRng(9);
    const m = 40;
    const cols = [new Float64Array(m).fill(1), ...[0, 1, 2].map(() => Float64Array.from({ length: m }, () => rng.normal()))];
    const r = householderR(cols, m);
    const n = 4;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let g = 0, rr = 0;
        for (let k = 0; k < m; k++) g += cols[i][k] * cols[j][k];
        for (let k = 0; k < n; k++) rr += r[k * n + i] * r[k * n + j];
        expect(rr).toBeCloseTo(g, 9);
      }
    // regress column 3 on [1, column 1] both ways
    const full = Float64Array.from({ length: m * 2 }, (_, q) => cols[q % 2 === 0 ? 0 : 1][q >> 1]);
    const a = leastSquares(full, m, 2, cols[3]);
    const small = Float64Array.from([0, 1, 2, 3].flatMap((row) => [r[row * n], r[row * n + 1]]));
    const b = leastSquares(small, 4, 2, Float64Array.from([0, 1, 2, 3].map((row) => r[row * n + 3])));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) for (let j = 0; j < 2; j++) expect(b.coef[j]).toBeCloseTo(a.coef[j], 10);
  });
});

describe("symmetricInverse", () => {
  it("inverts an SPD matrix and rejects a singular one", () => {
    const a = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const inv = symmetricInverse(a, 3)!;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k] * inv[k * 3 + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    expect(symmetricInverse(Float64Array.from([1, 1, 1, 1]), 2)).toBeNull();
  });
});
