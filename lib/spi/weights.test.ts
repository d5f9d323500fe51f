import { describe, expect, it } from "vitest";
import { syntheticFramework } from "./__fixtures__/synthetic";
import { validateFramework } from "./framework";
import { householderR } from "./linalg";
import { createRng } from "./rng";
import { componentStats } from "./weights";

describe("componentStats", () => {
  // 10,000 rows cross the blocks the statistics are computed in
  const rows = 10000;
  const v = validateFramework(syntheticFramework({ dimensions: 1, componentsPerDimension: 1, indicatorsPerComponent: [4] }));
  if (!v.ok) throw new Error("framework");
  const fw = v.framework;
  const comp = fw.components[0];
  const rng = createRng(21);
  const x = new Float64Array(comp.indicators.length * rows);
  for (let r = 0; r < rows; r++) {
    const q = rng.normal();
    comp.indicators.forEach((i, j) => (x[i * rows + r] = rng.next() < 0.05 ? NaN : 50 + 10 * q + (3 + j) * rng.normal()));
  }
  const stats = componentStats(fw, comp, x, rows);
  const complete = stats.completeRows;
  const columns = comp.indicators.map((i) => Float64Array.from(complete, (r) => x[i * rows + r]));

  it("takes the complete cases, and their means and standard deviations", () => {
    const expected = Array.from({ length: rows }, (_, r) => r).filter((r) => comp.indicators.every((i) => x[i * rows + r] === x[i * rows + r]));
    expect(Array.from(complete)).toEqual(expected);
    columns.forEach((c, j) => {
      const mean = c.reduce((s, y) => s + y, 0) / c.length;
      const sd = Math.sqrt(c.reduce((s, y) => s + (y - mean) ** 2, 0) / (c.length - 1));
      expect(stats.mean[j]).toBeCloseTo(mean, 10);
      expect(stats.sd[j]).toBeCloseTo(sd, 10);
    });
  });

  it("factors the imputation design block by block into the R of one QR of the whole design (up to the signs of its rows)", () => {
    const n = columns.length + 1;
    const whole = householderR([new Float64Array(complete.length).fill(1), ...columns], complete.length);
    const r = stats.rFactor;
    for (let i = 0; i < n; i++) {
      const sign = Math.sign(r[i * n + i]) * Math.sign(whole[i * n + i]);
      expect(sign).not.toBe(0);
      for (let j = 0; j < n; j++) {
        if (j < i) expect(r[i * n + j]).toBe(0);
        else expect(sign * r[i * n + j]).toBeCloseTo(whole[i * n + j], 8);
      }
    }
  });
});
