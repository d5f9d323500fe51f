import { describe, expect, it } from "vitest";
import { classify } from "./classify";

describe("classify: quantile", () => {
  it.each([
    {
      name: "10 values, 5 classes of 2",
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      classOf: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4],
      labels: ["1.0 to 2.0", "3.0 to 4.0", "5.0 to 6.0", "7.0 to 8.0", "9.0 to 10.0"],
    },
    {
      name: "unsorted input keeps input order",
      values: [10, 1, 5, 3],
      classOf: [2, 0, 1, 0],
      labels: ["1.0 to 3.0", "5.0", "10.0"],
      classes: 3,
    },
    {
      name: "ties never split across classes",
      values: [1, 2, 2, 2, 2, 3],
      classOf: [0, 0, 0, 0, 0, 2],
      labels: ["1.0 to 2.0", "3.0"],
      classes: 3,
    },
    {
      name: "fewer distinct values than classes",
      values: [7, 7, 9, 9],
      classOf: [0, 0, 1, 1],
      labels: ["7.0", "9.0"],
    },
    {
      name: "a single value",
      values: [54.21],
      classOf: [0],
      labels: ["54.2"],
    },
  ])("$name", ({ values, classOf, labels, classes }) => {
    const c = classify(values, { classes });
    // compare class membership, renumbered by first appearance, plus labels
    expect(c.legend.map((l) => l.label)).toEqual(labels);
    const seen = new Map<number, number>();
    const renumber = (v: number | null) => (v === null ? null : (seen.get(v) ?? seen.set(v, seen.size).get(v)!));
    const seenE = new Map<number, number>();
    const renumberE = (v: number | null) => (v === null ? null : (seenE.get(v) ?? seenE.set(v, seenE.size).get(v)!));
    expect(c.classOf.map(renumber)).toEqual(classOf.map(renumberE));
    expect(c.classCount).toBe(labels.length);
    expect(c.legend.reduce((s, l) => s + l.count, 0)).toBe(values.length);
  });

  it("labels the method with the real class count and counts per class", () => {
    const c = classify([45.2, 52.0, 47.1, 60.3, 58.8, null, 49.9]);
    expect(c.methodLabel).toBe("Quantile classes (5)");
    expect(c.noDataCount).toBe(1);
    expect(c.classOf[5]).toBeNull();
    expect(c.legend.map((l) => l.count)).toEqual([2, 1, 1, 1, 1]);
    expect(c.breaks).toEqual([45.2, 49.9, 52.0, 58.8, 60.3, 60.3]);
    expect(classify([1, 1, 1, 2]).methodLabel).toBe("Quantile classes (2)");
  });

  it("treats null, undefined, NaN and Infinity as no data", () => {
    const c = classify([null, undefined, NaN, Infinity, 3, 4, 5]);
    expect(c.classOf.slice(0, 4)).toEqual([null, null, null, null]);
    expect(c.noDataCount).toBe(4);
  });

  it("returns zero classes when nothing has a value", () => {
    const c = classify([null, null]);
    expect(c).toMatchObject({ classCount: 0, breaks: [], legend: [], classOf: [null, null], noDataCount: 2 });
  });
});

describe("classify: equal-interval", () => {
  it.each([
    {
      name: "0..100 in 5",
      values: [0, 19.9, 20, 50, 100],
      classOf: [0, 0, 1, 2, 4],
      breaks: [0, 20, 40, 60, 80, 100],
      counts: [2, 1, 1, 0, 1],
      labels: ["0.0 to 20.0", "20.0 to 40.0", "40.0 to 60.0", "60.0 to 80.0", "80.0 to 100.0"],
    },
    { name: "all equal → one class", values: [3, 3, 3], classOf: [0, 0, 0], breaks: [3, 3], counts: [3], labels: ["3.0 to 3.0"] },
    { name: "two distinct values → two classes", values: [1, 9, 9], classOf: [0, 1, 1], breaks: [1, 5, 9], counts: [1, 2], labels: ["1.0 to 5.0", "5.0 to 9.0"] },
  ])("$name", ({ values, classOf, breaks, counts, labels }) => {
    const c = classify(values, { method: "equal-interval" });
    expect(c.classOf).toEqual(classOf);
    expect(c.breaks).toEqual(breaks);
    expect(c.legend.map((l) => l.count)).toEqual(counts);
    expect(c.legend.map((l) => l.label)).toEqual(labels);
    expect(c.methodLabel).toBe(`Equal-interval classes (${labels.length})`);
  });
});

describe("classify: fixed breaks", () => {
  it("uses open-ended outer classes and keeps empty classes", () => {
    const c = classify([10, 40, 59.99, 60, 95, null], { method: "fixed", thresholds: [40, 60, 80] });
    expect(c.classOf).toEqual([0, 1, 1, 2, 3, null]);
    expect(c.legend.map((l) => [l.label, l.count])).toEqual([
      ["Under 40.0", 1],
      ["40.0 to 60.0", 2],
      ["60.0 to 80.0", 1],
      ["80.0 and over", 1],
    ]);
    expect(c.methodLabel).toBe("Fixed classes (4)");
    expect(c.breaks).toEqual([-Infinity, 40, 60, 80, Infinity]);
  });

  it("formats with the requested decimals and never prints -0", () => {
    const c = classify([-0.01, 5], { method: "fixed", thresholds: [-0.04, 2.5], decimals: 0 });
    expect(c.legend.map((l) => l.label)).toEqual(["Under 0", "0 to 3", "3 and over"]);
  });
});

describe("classify: programming errors throw", () => {
  it.each([
    { opts: { classes: 2 } },
    { opts: { classes: 8 } },
    { opts: { classes: 4.5 } },
    { opts: { method: "fixed" as const } },
    { opts: { method: "fixed" as const, thresholds: [5, 5] } },
    { opts: { method: "fixed" as const, thresholds: [1, 2, 3, 4, 5, 6, 7] } },
    { opts: { method: "fixed" as const, thresholds: [NaN] } },
  ])("$opts", ({ opts }) => {
    expect(() => classify([1, 2, 3], opts)).toThrow(RangeError);
  });
});
