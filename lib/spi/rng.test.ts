import { describe, expect, it } from "vitest";
import { createRng, dirichlet } from "./rng";

describe("createRng (xoshiro128**)", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it.each([
    { name: "uniform mean", draw: (r: ReturnType<typeof createRng>) => r.next(), mean: 0.5, tol: 0.01 },
    { name: "normal mean", draw: (r: ReturnType<typeof createRng>) => r.normal(), mean: 0, tol: 0.02 },
    { name: "gamma(0.5) mean", draw: (r: ReturnType<typeof createRng>) => r.gamma(0.5), mean: 0.5, tol: 0.02 },
    { name: "gamma(3) mean", draw: (r: ReturnType<typeof createRng>) => r.gamma(3), mean: 3, tol: 0.05 },
  ])("$name", ({ draw, mean, tol }) => {
    const rng = createRng(1);
    let s = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) s += draw(rng);
    expect(Math.abs(s / n - mean)).toBeLessThan(tol);
  });

  it("gamma(3) has variance 3", () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 40000 }, () => rng.gamma(3));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
    expect(Math.abs(v - 3)).toBeLessThan(0.1);
  });
});

describe("dirichlet", () => {
  it("draws sum to 1 and average alpha / Σalpha", () => {
    const rng = createRng(2);
    const alpha = [10, 20, 70];
    const out = new Float64Array(3);
    const mean = [0, 0, 0];
    for (let t = 0; t < 5000; t++) {
      dirichlet(rng, alpha, out);
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      out.forEach((v, i) => (mean[i] += v / 5000));
    }
    [0.1, 0.2, 0.7].forEach((m, i) => expect(Math.abs(mean[i] - m)).toBeLessThan(0.005));
  });
});
