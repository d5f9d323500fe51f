/**
 * Planar ring helpers shared by validation and projection. Coordinates are
 * treated as plane (x, y) pairs: fine for ward-sized rings (a few km), where
 * the curvature of the Earth changes nothing about orientation or crossing.
 */
import type { TPosition, TRing } from "./types";

type TPt = readonly [number, number] | readonly number[];

/**
 * Shoelace signed area in squared input units. Positive = counter-clockwise with
 * y pointing up (lon/lat), which is the RFC 7946 exterior-ring orientation.
 * The ring may be closed or open; the closing edge is always included.
 */
export function signedArea(ring: readonly TPt[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** True when the first and last positions are exactly equal (GeoJSON closure). */
export function isClosed(ring: readonly TPt[]): boolean {
  if (ring.length < 2) return false;
  const a = ring[0];
  const b = ring[ring.length - 1];
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Returns the ring reoriented so its signed area has the wanted sign
 * (`ccw` = positive). Never mutates the input; returns a copy either way.
 */
export function orientRing(ring: readonly TPosition[], want: "ccw" | "cw"): TRing {
  const area = signedArea(ring);
  const isCcw = area > 0;
  const copy = ring.map((p) => [p[0], p[1]] as TPosition);
  return (want === "ccw") === isCcw ? copy : copy.reverse();
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Closed-segment intersection test (touching counts), exact for the orientation sign. */
function segmentsIntersect(p1: TPt, p2: TPt, p3: TPt, p4: TPt): boolean {
  const d1 = orient(p3[0], p3[1], p4[0], p4[1], p1[0], p1[1]);
  const d2 = orient(p3[0], p3[1], p4[0], p4[1], p2[0], p2[1]);
  const d3 = orient(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]);
  const d4 = orient(p1[0], p1[1], p2[0], p2[1], p4[0], p4[1]);
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return true;
  if (d1 === 0 && onSegment(p3[0], p3[1], p4[0], p4[1], p1[0], p1[1])) return true;
  if (d2 === 0 && onSegment(p3[0], p3[1], p4[0], p4[1], p2[0], p2[1])) return true;
  if (d3 === 0 && onSegment(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1])) return true;
  if (d4 === 0 && onSegment(p1[0], p1[1], p2[0], p2[1], p4[0], p4[1])) return true;
  return false;
}

export type TSelfIntersection =
  | { kind: "found"; at: TPosition }
  | { kind: "none" }
  | { kind: "skipped" }; // ring larger than the budget allows

/**
 * O(n²) check that no two non-adjacent edges of a closed ring touch or cross.
 * Consecutive duplicate positions are dropped first (common in real files and
 * harmless). `maxPairs` caps the work: a ring needing more pair tests than that
 * is reported as `skipped` rather than checked partially.
 */
export function findSelfIntersection(ring: readonly TPt[], maxPairs = 4_000_000): TSelfIntersection {
  const pts: TPt[] = [];
  for (const p of ring) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  // pts is closed (last equals first) after dedupe when the input ring was closed.
  const edges = pts.length - 1;
  if (edges < 3) return { kind: "none" };
  if ((edges * (edges - 3)) / 2 > maxPairs) return { kind: "skipped" };
  for (let i = 0; i < edges; i++) {
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue; // first and last edges share the closing vertex
      if (segmentsIntersect(pts[i], pts[i + 1], pts[j], pts[j + 1])) {
        return { kind: "found", at: [pts[j][0], pts[j][1]] };
      }
    }
  }
  return { kind: "none" };
}

/** Even-odd point-in-polygon test over all rings (holes excluded). */
export function containsPoint(rings: readonly (readonly TPt[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * A point guaranteed to lie inside a simple polygon (exterior ring plus holes),
 * for placing labels: the midpoint of the widest horizontal run through the
 * centroid's y, falling back to the first vertex for degenerate input.
 */
export function interiorPoint(rings: readonly (readonly TPt[])[], centroidY: number): [number, number] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i];
      const [x2, y2] = ring[i + 1];
      // half-open rule so a vertex exactly on the scan line is counted once
      if ((y1 <= centroidY && y2 > centroidY) || (y2 <= centroidY && y1 > centroidY)) {
        xs.push(x1 + ((centroidY - y1) / (y2 - y1)) * (x2 - x1));
      }
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let bestWidth = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1] - xs[i];
    if (width > bestWidth) {
      bestWidth = width;
      best = [(xs[i] + xs[i + 1]) / 2, centroidY];
    }
  }
  const first = rings[0]?.[0];
  return best ?? (first ? [first[0], first[1]] : [0, 0]);
}
