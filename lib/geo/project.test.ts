import { geoArea } from "d3-geo";
import { describe, expect, it } from "vitest";
import { projectWards, toD3Geometry, type TProjectedMap } from "./project";
import { DEMO_WARDS_PATH, loadRepoGeoJson } from "./testing/wards-fixture";
import type { TWardBoundary, TWardGeometry } from "./types";
import { validateWardGeoJson } from "./validate-geojson";

type Pos = [number, number];
const ccwSquare = (x: number, y: number, s: number): Pos[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

/** Inline stand-ins when the repo copy of the real boundaries is absent: two RFC 7946 (CCW) wards and a C-shaped one. */
const INLINE: TWardBoundary[] = [
  { code: "E05000001", name: "West", geometry: { type: "Polygon", coordinates: [ccwSquare(0.05, 51.52, 0.02)] } },
  { code: "E05000002", name: "East", geometry: { type: "MultiPolygon", coordinates: [[ccwSquare(0.08, 51.52, 0.02)], [ccwSquare(0.11, 51.52, 0.005)]] } },
  {
    code: "E05000003",
    name: "Crescent",
    geometry: { type: "Polygon", coordinates: [[[0.05, 51.55], [0.12, 51.55], [0.12, 51.56], [0.06, 51.56], [0.06, 51.58], [0.12, 51.58], [0.12, 51.59], [0.05, 51.59], [0.05, 51.55]]] },
  },
];

function realOrInline(): { wards: TWardBoundary[]; real: boolean } {
  const raw = loadRepoGeoJson(DEMO_WARDS_PATH);
  if (raw === null) return { wards: INLINE, real: false };
  const r = validateWardGeoJson(raw);
  if (!r.ok) throw new Error("fixture should validate");
  return { wards: r.wards, real: true };
}

/** Bounding box of every number pair in an SVG path made of M/L/Z commands (what d3 emits for polygons). */
function pathBox(d: string): [number, number, number, number] {
  const nums = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe("toD3Geometry", () => {
  it("turns RFC 7946 rings into d3's clockwise convention (area under a hemisphere)", () => {
    const g: TWardGeometry = INLINE[0].geometry;
    expect(geoArea(g as never)).toBeGreaterThan(2 * Math.PI); // as-is, d3 reads it as the globe minus the square
    expect(geoArea(toD3Geometry(g))).toBeLessThan(1e-6);
  });
});

describe("projectWards", () => {
  const { wards, real } = realOrInline();
  const W = 800;
  const H = 600;
  const map: TProjectedMap = projectWards(wards, { width: W, height: H, padding: 10 });

  it(`projects the ${real ? "real LBBD + Havering" : "inline"} wards inside the viewport, none covering it`, () => {
    expect(map.areas.map((a) => a.code)).toEqual(wards.map((w) => w.code));
    for (const area of map.areas) {
      const [x0, y0, x1, y1] = pathBox(area.d);
      expect(area.d).toMatch(/^M[\d.,LMZ-]+Z$/);
      expect(x0).toBeGreaterThanOrEqual(9.9);
      expect(y0).toBeGreaterThanOrEqual(9.9);
      expect(x1).toBeLessThanOrEqual(W - 9.9);
      expect(y1).toBeLessThanOrEqual(H - 9.9);
      // a globe-shaped path would span the whole viewport; a ward is a small part of it
      expect((x1 - x0) * (y1 - y0)).toBeLessThan(0.5 * W * H);
    }
  });

  it("fills the viewport along at least one axis (fitExtent)", () => {
    const boxes = map.areas.map((a) => pathBox(a.d));
    const minX = Math.min(...boxes.map((b) => b[0]));
    const maxX = Math.max(...boxes.map((b) => b[2]));
    const minY = Math.min(...boxes.map((b) => b[1]));
    const maxY = Math.max(...boxes.map((b) => b[3]));
    const fitsWidth = Math.abs(minX - 10) < 1 && Math.abs(maxX - (W - 10)) < 1;
    const fitsHeight = Math.abs(minY - 10) < 1 && Math.abs(maxY - (H - 10)) < 1;
    expect(fitsWidth || fitsHeight).toBe(true);
  });

  it("trims the viewBox to the content plus padding on the unfilled axis", () => {
    const [vx, vy, vw, vh] = map.viewBox;
    const boxes = map.areas.map((a) => pathBox(a.d));
    expect(vx).toBeLessThanOrEqual(Math.min(...boxes.map((b) => b[0])) - 9);
    expect(vy).toBeLessThanOrEqual(Math.min(...boxes.map((b) => b[1])) - 9);
    expect(vx + vw).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b[2])) + 9);
    expect(vy + vh).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b[3])) + 9);
    expect(vx >= 0 && vy >= 0 && vx + vw <= W && vy + vh <= H).toBe(true);
    expect(vw === W || vh === H).toBe(true); // the filled axis keeps its full size
    const tall = projectWards([INLINE[0]], { width: 400, height: 1000, padding: 10 });
    // 0.02° × 0.02° at 51.5°N is 1/cos(51.5°) ≈ 1.61 times taller than wide in Mercator: 380 × 611, plus padding
    const [tx, ty, tw, th] = tall.viewBox;
    expect([tx, tw]).toEqual([0, 400]);
    expect(th).toBeGreaterThan(625);
    expect(th).toBeLessThan(636);
    expect(Math.abs(ty - (1000 - th) / 2)).toBeLessThanOrEqual(1); // the empty bands above and below are gone
  });

  it("rounds every number to one decimal place and is deterministic", () => {
    for (const a of map.areas) {
      expect(a.d).not.toMatch(/\.\d\d/);
      expect([...a.anchor, ...a.bounds.flat()].every((n) => Math.round(n * 10) / 10 === n)).toBe(true);
    }
    expect(projectWards(wards, { width: W, height: H, padding: 10 })).toEqual(map);
  });

  it("puts each label anchor inside its ward's bounds", () => {
    for (const a of map.areas) {
      const [[x0, y0], [x1, y1]] = a.bounds;
      expect(a.anchor[0]).toBeGreaterThanOrEqual(x0);
      expect(a.anchor[0]).toBeLessThanOrEqual(x1);
      expect(a.anchor[1]).toBeGreaterThanOrEqual(y0);
      expect(a.anchor[1]).toBeLessThanOrEqual(y1);
    }
  });

  it("keeps north up and east right", () => {
    const real = realOrInline();
    const byCode = new Map(map.areas.map((a) => [a.code, a]));
    if (real.real) {
      // Abbey (Barking, west) lies west of Upminster (Havering, east); Harold Wood is north of Rainham.
      expect(byCode.get("E05000026")!.anchor[0]).toBeLessThan(byCode.get("E05000323")!.anchor[0]);
      expect(byCode.get("E05000312")!.anchor[1]).toBeLessThan(byCode.get("E05000318")!.anchor[1]);
    } else {
      expect(byCode.get("E05000001")!.anchor[0]).toBeLessThan(byCode.get("E05000002")!.anchor[0]);
      expect(byCode.get("E05000003")!.anchor[1]).toBeLessThan(byCode.get("E05000001")!.anchor[1]);
    }
  });

  it("anchors a C-shaped ward inside the shape, not in its empty middle", () => {
    const single = projectWards([INLINE[2]], { width: 200, height: 200, padding: 0 });
    const [x, y] = single.areas[0].anchor;
    // the gap of the C spans x > ~29 (0.06° of 0.07°) and the middle third of the height
    const inGap = x > 30 && y > 200 * 0.26 && y < 200 * 0.74;
    expect(inGap).toBe(false);
  });

  it("returns no areas for no input", () => {
    expect(projectWards([], { width: 100, height: 100 })).toEqual({ width: 100, height: 100, viewBox: [0, 0, 100, 100], areas: [] });
  });
});

describe("projectWards memo", () => {
  it("draws the same geometry objects once per size, and new geometry afresh", () => {
    const wards = INLINE.map((w) => ({ code: w.code, geometry: structuredClone(w.geometry) }));
    const a = projectWards(wards, { width: 400, height: 300 });
    expect(projectWards(wards.map((w) => ({ ...w })), { width: 400, height: 300 }), "same geometry objects in a new array").toBe(a);
    expect(projectWards(wards, { width: 800, height: 300 })).not.toBe(a);
    // an equal-looking but different geometry object (e.g. corrected boundaries) is projected again
    const moved = wards.map((w, i) => (i === 1 ? { code: w.code, geometry: { type: "Polygon" as const, coordinates: [ccwSquare(0.2, 51.6, 0.02)] } } : w));
    const b = projectWards(moved, { width: 400, height: 300 });
    expect(b).not.toBe(a);
    expect(b.areas[1].d).not.toBe(a.areas[1].d);
    expect(projectWards(wards.slice(0, 2), { width: 400, height: 300 }).areas).toHaveLength(2);
  });
});
