/** The open-data files of every published release, at /p/<council>/releases/<version>/download/<name>. */
export const DOWNLOAD_FILES = [
  { name: "scores.csv", title: "Scores and ranks by ward, year and level", format: "CSV", contentType: "text/csv; charset=utf-8" },
  { name: "indicator-values.csv", title: "Indicator values and scores by ward and year", format: "CSV", contentType: "text/csv; charset=utf-8" },
  { name: "result.json", title: "The scoring engine's full result, as published", format: "JSON", contentType: "application/json; charset=utf-8" },
  { name: "wards.geojson", title: "Ward boundaries with scores", format: "GeoJSON", contentType: "application/geo+json; charset=utf-8" },
  { name: "datapackage.json", title: "Frictionless data package descriptor", format: "JSON", contentType: "application/json; charset=utf-8" },
  { name: "release.zip", title: "Everything above in one file", format: "ZIP", contentType: "application/zip" },
] as const;

export type TDownloadName = (typeof DOWNLOAD_FILES)[number]["name"];

/** The file spec for a name, or undefined for anything not published. */
export function downloadFile(name: string) {
  return DOWNLOAD_FILES.find((f) => f.name === name);
}
