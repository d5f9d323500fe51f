/**
 * Geometry checks for one uploaded ward feature. Split from validate-geojson.ts
 * to keep files small; callers should use `validateWardGeoJson`.
 */
import type { TGeoProblemCode } from "./geo-problems";
import { findSelfIntersection, isClosed, orientRing, signedArea } from "./rings";
import type { TPosition, TRing, TWardGeometry } from "./types";

type TFinding = { code: TGeoProblemCode; message: string };

/** Rings smaller than this (squared degrees, ≈ 1 m² at UK latitudes) count as zero area. */
const MIN_RING_AREA_DEG2 = 1e-10;

/**
 * British National Grid eastings/northings (metres) for Great Britain fall in
 * this box; even the Isles of Scilly are over 1 km from the grid origin, which
 * keeps small out-of-range degree values from being mistaken for metres.
 */
const BNG_MIN_METRES = 1_000;
const BNG_MAX_EASTING = 700_000;
const BNG_MAX_NORTHING = 1_300_000;

/** Shared budget of segment-pair tests for the self-intersection check across a whole file. */
export type TCheckBudget = { pairsLeft: number };

function describeRing(polygonCount: number, polygonIndex: number, ringIndex: number): string {
  const ring = ringIndex === 0 ? "exterior ring" : `hole ${ringIndex}`;
  return polygonCount > 1 ? `polygon ${polygonIndex + 1}, ${ring}` : ring;
}

/** True when every position lies on one line through the first two distinct positions. */
function isCollinear(ring: readonly TPosition[]): boolean {
  const [ax, ay] = ring[0];
  const b = ring.find((p) => p[0] !== ax || p[1] !== ay);
  if (!b) return true;
  const [dx, dy] = [b[0] - ax, b[1] - ay];
  return ring.every(([x, y]) => (x - ax) * dy - (y - ay) * dx === 0);
}

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** Reads positions structurally; returns null when the nesting is wrong. */
function readPolygons(type: "Polygon" | "MultiPolygon", coordinates: unknown): unknown[][][] | null {
  if (!isArray(coordinates)) return null;
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  for (const polygon of polygons) {
    if (!isArray(polygon)) return null;
    for (const ring of polygon) {
      if (!isArray(ring)) return null;
      for (const position of ring) if (!isArray(position) || position.length < 2) return null;
    }
  }
  return polygons as unknown[][][];
}

/**
 * Validates one feature's geometry. Returns findings (without the feature
 * prefix) and, when there are none, the geometry normalised to RFC 7946:
 * positions reduced to [lon, lat], exterior rings counter-clockwise, holes clockwise.
 */
export function checkGeometry(
  geometry: unknown,
  budget: TCheckBudget,
): { findings: TFinding[]; geometry: TWardGeometry | null } {
  const findings: TFinding[] = [];
  const fail = (code: TGeoProblemCode, message: string) => ({ findings: [...findings, { code, message }], geometry: null });
  if (geometry === null || typeof geometry !== "object") {
    return fail("UNSUPPORTED_GEOMETRY", "has no geometry; each ward needs a Polygon or MultiPolygon");
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== "Polygon" && type !== "MultiPolygon") {
    return fail("UNSUPPORTED_GEOMETRY", `has a ${String(type)} geometry; only Polygon and MultiPolygon are supported`);
  }
  const polygons = readPolygons(type, coordinates);
  if (!polygons) return fail("MALFORMED_GEOMETRY", `has ${type} coordinates that are not nested arrays of [longitude, latitude] positions`);
  if (polygons.length === 0 || polygons.some((p) => p.length === 0)) return fail("EMPTY", "has an empty geometry");

  // Coordinates: finite numbers, then the coordinate reference system.
  let allInBngBox = true;
  let firstOutOfRange: [number, number] | null = null;
  for (const position of polygons.flat(2) as unknown[][]) {
    const [x, y] = position;
    if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
      return fail("NON_FINITE_COORDINATE", `has a coordinate that is not a finite number: [${String(x)}, ${String(y)}]`);
    }
    if (!(x >= BNG_MIN_METRES && x <= BNG_MAX_EASTING && y >= BNG_MIN_METRES && y <= BNG_MAX_NORTHING)) allInBngBox = false;
    if (!firstOutOfRange && (x < -180 || x > 180 || y < -90 || y > 90)) firstOutOfRange = [x, y];
  }
  if (firstOutOfRange) {
    const at = `[${firstOutOfRange[0]}, ${firstOutOfRange[1]}]`;
    return allInBngBox
      ? fail("LOOKS_LIKE_BNG", `coordinates look like OSGB36 / British National Grid (EPSG:27700); reproject to WGS84 (first: ${at})`)
      : fail("NOT_WGS84", `has coordinates outside WGS84 longitude −180..180 / latitude −90..90 (first: ${at})`);
  }

  const rings = polygons as TPosition[][][];
  const normalised: TRing[][] = [];
  rings.forEach((polygon, pi) => {
    const out: TRing[] = [];
    polygon.forEach((ring, ri) => {
      const where = describeRing(rings.length, pi, ri);
      if (ring.length < 4) {
        findings.push({ code: "TOO_FEW_POSITIONS", message: `${where} has ${ring.length} positions; a closed ring needs at least 4` });
        return;
      }
      if (!isClosed(ring)) {
        findings.push({ code: "UNCLOSED_RING", message: `${where} is not closed: its first and last positions differ` });
        return;
      }
      // A collinear ring "overlaps itself" too, but zero area is the useful message for it;
      // a bow-tie can also have zero net area, so test collinearity, not the area, first.
      if (isCollinear(ring)) {
        findings.push({ code: "ZERO_AREA", message: `${where} has zero area (its positions are collinear or repeated)` });
        return;
      }
      const pairs = (ring.length * ring.length) / 2;
      if (budget.pairsLeft >= pairs) {
        const hit = findSelfIntersection(ring, budget.pairsLeft);
        budget.pairsLeft -= pairs;
        if (hit.kind === "found") {
          findings.push({ code: "SELF_INTERSECTION", message: `${where} crosses or touches itself near [${hit.at[0]}, ${hit.at[1]}]` });
          return;
        }
      }
      if (Math.abs(signedArea(ring)) < MIN_RING_AREA_DEG2) {
        findings.push({ code: "ZERO_AREA", message: `${where} has (almost) zero area: under about 1 square metre` });
        return;
      }
      out.push(orientRing(ring, ri === 0 ? "ccw" : "cw"));
    });
    normalised.push(out);
  });
  if (findings.length > 0) return { findings, geometry: null };
  return {
    findings,
    geometry: type === "Polygon" ? { type, coordinates: normalised[0] } : { type, coordinates: normalised },
  };
}
