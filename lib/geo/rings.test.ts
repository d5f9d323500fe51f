import { describe, expect, it } from "vitest";
import { containsPoint, findSelfIntersection, interiorPoint, isClosed, orientRing, signedArea } from "./rings";

type Pos = [number, number];
const unit: Pos[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe("rings", () => {
  it("signed area is positive counter-clockwise, negative clockwise", () => {
    expect(signedArea(unit)).toBe(1);
    expect(signedArea([...unit].reverse())).toBe(-1);
  });

  it("orientRing copies and reorients without mutating", () => {
    const input = unit.map((p) => [...p] as Pos);
    const cw = orientRing(input, "cw");
    expect(signedArea(cw)).toBe(-1);
    expect(input).toEqual(unit);
    expect(orientRing(input, "ccw")).toEqual(unit);
  });

  it("isClosed", () => {
    expect(isClosed(unit)).toBe(true);
    expect(isClosed(unit.slice(0, 4))).toBe(false);
    expect(isClosed([])).toBe(false);
  });

  it.each([
    { name: "square", ring: unit, kind: "none" },
    { name: "square with a repeated vertex", ring: [[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]] as Pos[], kind: "none" },
    { name: "bow-tie", ring: [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]] as Pos[], kind: "found" },
    { name: "ring touching itself at a vertex", ring: [[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]] as Pos[], kind: "found" },
    { name: "spike folding back on an edge", ring: [[0, 0], [2, 0], [2, 2], [2, 1], [3, 1], [2, 1], [0, 2], [0, 0]] as Pos[], kind: "found" },
  ])("findSelfIntersection: $name → $kind", ({ ring, kind }) => {
    expect(findSelfIntersection(ring).kind).toBe(kind);
  });

  it("skips rings beyond the pair budget", () => {
    expect(findSelfIntersection(unit, 1).kind).toBe("skipped");
  });

  it("containsPoint and interiorPoint respect holes", () => {
    const outer: Pos[] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole: Pos[] = [[2, 2], [8, 2], [8, 8], [2, 8], [2, 2]];
    expect(containsPoint([outer, hole], 5, 5)).toBe(false);
    expect(containsPoint([outer, hole], 1, 5)).toBe(true);
    const [x, y] = interiorPoint([outer, hole], 5);
    expect(containsPoint([outer, hole], x, y)).toBe(true);
  });
});
