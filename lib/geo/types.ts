/**
 * Geometry types for ward boundaries. Kept local (not `@types/geojson`) so the
 * geo layer is self-describing; they are structurally compatible with GeoJSON
 * RFC 7946 Polygon / MultiPolygon, positions are [longitude, latitude] in WGS84.
 */

/** [longitude, latitude] in decimal degrees (WGS84). */
export type TPosition = [number, number];

/** A closed ring: first position equals the last, at least 4 positions. */
export type TRing = TPosition[];

export type TPolygon = { type: "Polygon"; coordinates: TRing[] };
export type TMultiPolygon = { type: "MultiPolygon"; coordinates: TRing[][] };
export type TWardGeometry = TPolygon | TMultiPolygon;

/** A ward boundary as the rest of the product uses it. */
export type TWardBoundary = { code: string; name: string; geometry: TWardGeometry };

/** Every polygon of a geometry as a list of rings (exterior first, then holes). */
export function polygonsOf(geometry: TWardGeometry): TRing[][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}
