import "server-only";
import { createHash } from "node:crypto";
import { buildGeoJson, buildIndicatorValuesCsv, buildResultJson, buildScoresCsv, type TOpenDataInput } from "./build-open-data";
import { buildDataPackage } from "./datapackage";
import { downloadFile, type TDownloadName } from "./files";
import type { TPublicRelease } from "./public-release";
import { findRunObservations } from "./run-observations";
import { createZip } from "./zip";

export interface TBuiltFile {
  name: TDownloadName;
  contentType: string;
  body: Uint8Array;
  /** strong ETag: the SHA-256 of the bytes, quoted */
  etag: string;
}

const enc = new TextEncoder();
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

// Every file of a published release is immutable, so each release's set is built once per process.
const cache = new Map<string, Map<TDownloadName, TBuiltFile>>();

/** Build every open-data file of a public release (memoised by release id). */
export async function buildReleaseFiles(release: TPublicRelease): Promise<Map<TDownloadName, TBuiltFile>> {
  const hit = cache.get(release.release.id);
  if (hit) return hit;
  const input: TOpenDataInput = { ...release, observations: await findRunObservations(release) };
  const parts: Array<[TDownloadName, string]> = [
    ["scores.csv", buildScoresCsv(input)],
    ["indicator-values.csv", buildIndicatorValuesCsv(input)],
    ["result.json", buildResultJson(input)],
    ["wards.geojson", buildGeoJson(input)],
  ];
  const bytes = new Map<TDownloadName, Uint8Array>(parts.map(([n, s]) => [n, enc.encode(s)] as const));
  const sizes = Object.fromEntries([...bytes].map(([n, b]) => [n, { bytes: b.length, sha256: sha256(b) }]));
  bytes.set("datapackage.json", enc.encode(JSON.stringify(buildDataPackage(input, sizes), null, 2)));
  const folder = `${release.council.slug}-spi-release-${release.release.version}`;
  bytes.set("release.zip", createZip([...bytes].map(([n, data]) => ({ name: `${folder}/${n}`, data })), release.release.publishAt));
  const files = new Map<TDownloadName, TBuiltFile>();
  for (const [name, body] of bytes) files.set(name, { name, body, contentType: downloadFile(name)!.contentType, etag: `"${sha256(body).slice(0, 32)}"` });
  if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  cache.set(release.release.id, files);
  return files;
}
