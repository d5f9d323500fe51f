/**
 * Projects ward boundaries to SVG path strings for a fixed viewBox.
 * Pure and deterministic: same input → byte-identical output.
 */
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { containsPoint, interiorPoint, orientRing } from "./rings";
import { polygonsOf, type TRing, type TWardGeometry } from "./types";

export type TProjectInput = { code: string; geometry: TWardGeometry };

export type TProjectedArea = {
  code: string;
  /** SVG path data in viewBox units, coordinates rounded to 0.1. */
  d: string;
  /** Label anchor inside the ward's largest part, in viewBox units (0.1). */
  anchor: [number, number];
  /** [[minX, minY], [maxX, maxY]] in viewBox units (0.1). */
  bounds: [[number, number], [number, number]];
};

export type TProjectOptions = { width: number; height: number; /** viewBox units kept clear on every side; default 8 */ padding?: number };

export type TProjectedMap = {
  width: number;
  height: number;
  /**
   * [minX, minY, width, height]: the areas' union bounds plus padding, within
   * 0..width × 0..height. Use it as the SVG viewBox so a tall or wide council
   * leaves no empty band (the fit only fills one axis).
   */
  viewBox: [number, number, number, number];
  areas: TProjectedArea[];
};

const round1 = (v: number): number => Math.round(v * 10) / 10 + 0; // "+ 0" turns -0 into 0

/**
 * d3-geo works on the sphere and reads a polygon's inside from its winding:
 * exterior rings must run clockwise (holes anticlockwise). RFC 7946 files use
 * the opposite, which d3 renders as "the whole globe minus the ward". We rewind
 * every ring explicitly (planar orientation is exact at ward scale), so the
 * output never depends on how the source file was wound.
 */
export function toD3Geometry(geometry: TWardGeometry): Polygon | MultiPolygon {
  const rewind = (polygon: TRing[]) => polygon.map((ring, i) => orientRing(ring, i === 0 ? "cw" : "ccw"));
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: rewind(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(rewind) };
}

/**
 * Fits a Mercator projection (conformal, so ward shapes look right at borough
 * scale) to all areas within width × height minus padding, and returns one SVG
 * path per area in input order, plus a label anchor and bounds.
 *
 * Units: viewBox units (unitless; the SVG scales to its container). All numbers
 * are rounded to 1 decimal place to keep the HTML small (0.1 unit is below a
 * pixel at any sensible map width). Empty input returns no areas.
 */
export function projectWards(areas: readonly TProjectInput[], opts: TProjectOptions): TProjectedMap {
  // Projection is the costly part of drawing a map, and public pages draw the same published
  // wards on every request: remember the result per set of geometry objects (by identity, so
  // new or changed geometry is always projected afresh) and size. Callers must not mutate it.
  const first = areas[0]?.geometry;
  if (first === undefined || typeof first !== "object" || first === null) return project(areas, opts);
  const key = `${areas.map((a) => a.code).join(",")}|${opts.width}|${opts.height}|${opts.padding ?? 8}`;
  const forFirst = memo.get(first) ?? new Map<string, { geometries: readonly unknown[]; map: TProjectedMap }>();
  const hit = forFirst.get(key);
  if (hit && hit.geometries.length === areas.length && hit.geometries.every((g, i) => g === areas[i].geometry)) return hit.map;
  const map = project(areas, opts);
  forFirst.set(key, { geometries: areas.map((a) => a.geometry), map });
  memo.set(first, forFirst);
  return map;
}

const memo = new WeakMap<object, Map<string, { geometries: readonly unknown[]; map: TProjectedMap }>>();

function project(areas: readonly TProjectInput[], opts: TProjectOptions): TProjectedMap {
  const { width, height } = opts;
  const padding = opts.padding ?? 8;
  if (areas.length === 0) return { width, height, viewBox: [0, 0, width, height], areas: [] };

  const features: Feature<Polygon | MultiPolygon>[] = areas.map((a) => ({
    type: "Feature",
    properties: {},
    geometry: toD3Geometry(a.geometry),
  }));
  const collection: FeatureCollection<Polygon | MultiPolygon> = { type: "FeatureCollection", features };
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);

  const projected = areas.map((area, i): TProjectedArea => {
    const feature = features[i];
    const [[x0, y0], [x1, y1]] = path.bounds(feature);
    return {
      code: area.code,
      d: path(feature) ?? "",
      anchor: labelAnchor(area.geometry, (p) => projection(p) ?? [NaN, NaN], path),
      bounds: [
        [round1(x0), round1(y0)],
        [round1(x1), round1(y1)],
      ],
    };
  });
  const minX = Math.max(0, Math.floor(Math.min(...projected.map((a) => a.bounds[0][0])) - padding));
  const minY = Math.max(0, Math.floor(Math.min(...projected.map((a) => a.bounds[0][1])) - padding));
  const maxX = Math.min(width, Math.ceil(Math.max(...projected.map((a) => a.bounds[1][0])) + padding));
  const maxY = Math.min(height, Math.ceil(Math.max(...projected.map((a) => a.bounds[1][1])) + padding));
  return { width, height, viewBox: [minX, minY, maxX - minX, maxY - minY], areas: projected };
}

/** Centroid of the largest part when it falls inside that part, else a guaranteed interior point. */
function labelAnchor(
  geometry: TWardGeometry,
  project: (p: [number, number]) => [number, number],
  path: ReturnType<typeof geoPath>,
): [number, number] {
  let best: { d3: Polygon; projected: [number, number][][]; area: number } | null = null;
  for (const polygon of polygonsOf(geometry)) {
    const d3: Polygon = { type: "Polygon", coordinates: polygon.map((r, i) => orientRing(r, i === 0 ? "cw" : "ccw")) };
    const area = path.area(d3);
    if (!best || area > best.area) best = { d3, projected: polygon.map((r) => r.map(project)), area };
  }
  if (!best) return [0, 0];
  const [cx, cy] = path.centroid(best.d3);
  const [x, y] = containsPoint(best.projected, cx, cy) ? [cx, cy] : interiorPoint(best.projected, cy);
  return [round1(x), round1(y)];
}
