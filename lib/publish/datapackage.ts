/**
 * The Frictionless data package descriptor (datapackage.json, Data Package v1) of a release:
 * its resources with table schemas, the licence, sources and attribution. Pure.
 */
import type { TOpenDataInput } from "./build-open-data";
import { ATTRIBUTION, LICENCE } from "./framework";
import { INDICATOR_VALUES_SCHEMA, SCORES_SCHEMA } from "./schemas";

export interface TDataResource {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
  encoding?: string;
  profile: "tabular-data-resource" | "data-resource";
  schema?: typeof SCORES_SCHEMA;
  dialect?: { delimiter: string; header: boolean; lineTerminator: string };
  bytes?: number;
  hash?: string;
}

/**
 * The descriptor. `sizes` gives each file's byte length and SHA-256 (hex) when known, so the
 * package says exactly what it holds; the descriptor itself is not listed as a resource.
 */
export function buildDataPackage(input: TOpenDataInput, sizes: Record<string, { bytes: number; sha256: string }> = {}) {
  const slug = `${input.council.slug}-spi-release-${input.release.version}`;
  const dialect = { delimiter: ",", header: true, lineTerminator: "\r\n" };
  const withSize = (r: TDataResource): TDataResource => (sizes[r.path] ? { ...r, bytes: sizes[r.path].bytes, hash: `sha256:${sizes[r.path].sha256}` } : r);
  const list: TDataResource[] = [
    { name: "scores", path: "scores.csv", title: "Scores and ranks", description: "Index, dimension and component scores (0–100) and ranks, by ward and year.", format: "csv", mediatype: "text/csv", encoding: "utf-8", profile: "tabular-data-resource", schema: SCORES_SCHEMA, dialect },
    { name: "indicator-values", path: "indicator-values.csv", title: "Indicator values", description: "Every indicator's value, unit and score, by ward and year.", format: "csv", mediatype: "text/csv", encoding: "utf-8", profile: "tabular-data-resource", schema: INDICATOR_VALUES_SCHEMA, dialect },
    { name: "result", path: "result.json", title: "Engine result", description: "The scoring engine's full result: scores, weights, diagnostics, direction of travel, peers, uncertainty.", format: "json", mediatype: "application/json", encoding: "utf-8", profile: "data-resource" },
    { name: "wards", path: "wards.geojson", title: "Wards with scores", description: `Ward boundaries (WGS84) with the scores of ${Math.max(...input.result.periods)}.`, format: "geojson", mediatype: "application/geo+json", encoding: "utf-8", profile: "data-resource" },
  ];
  const resources = list.map(withSize);
  return {
    profile: "tabular-data-package",
    name: slug,
    id: `/p/${input.council.slug}/releases/${input.release.version}`,
    title: `Social Progress Index for ${input.council.name}, release ${input.release.version}`,
    description: `${input.release.title}. Ward-level Social Progress Index for ${input.council.name} (${input.council.laCode}), years ${input.result.periods.join(", ")}, framework ${input.edition.name} edition ${input.edition.edition}.`,
    version: String(input.release.version),
    created: input.release.publishAt.toISOString(),
    keywords: ["social progress index", "wards", input.council.name, "wellbeing"],
    licenses: [{ name: LICENCE.name, path: LICENCE.path, title: LICENCE.title }],
    sources: [
      { title: "Greater London Authority, London Datastore: Ward Profiles and Atlas", path: "https://data.london.gov.uk/dataset/ward-profiles-and-atlas" },
      { title: "Office for National Statistics: ward boundaries and population estimates", path: "https://geoportal.statistics.gov.uk/" },
    ],
    contributors: [{ title: input.council.name, role: "publisher" }, { title: "Local SPI", role: "author" }],
    attribution: ATTRIBUTION,
    resources,
  };
}

export type TDataPackage = ReturnType<typeof buildDataPackage>;
