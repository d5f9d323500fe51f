import { isAppError } from "@/lib/errors";
import { downloadFile } from "@/lib/publish/files";
import { CACHE_IMMUTABLE, CACHE_SHORT, cachedResponse, preflight, problem } from "@/lib/publish/http";
import { getPublishedRelease, parseVersion } from "@/lib/publish/public-release";
import { buildReleaseFiles } from "@/lib/publish/release-files";

type TCtx = { params: Promise<{ council: string; version: string; file: string }> };

/**
 * An open-data file of a public release. Versioned URLs are immutable (cached for a year, strong
 * ETag of the bytes); `latest` is the same bytes for 5 minutes, since a newer release may replace
 * it. Only public releases: there is no preview of downloads, so no session is ever read here.
 */
export async function GET(request: Request, { params }: TCtx) {
  const { council, version, file } = await params;
  const spec = downloadFile(file);
  const v = parseVersion(version);
  if (!spec) return problem(404, "Not found", `There is no file called "${file}". Files: scores.csv, indicator-values.csv, result.json, wards.geojson, datapackage.json, release.zip.`);
  if (v === null) return problem(404, "Not found", `"${version}" is not a release version: use a number or "latest".`);
  try {
    const release = await getPublishedRelease(council, v, new Date());
    const built = (await buildReleaseFiles(release)).get(spec.name)!;
    const filename = `${council}-release-${release.release.version}-${spec.name}`;
    return cachedResponse(request, built.body, {
      contentType: built.contentType,
      etag: built.etag,
      cacheControl: v === "latest" ? CACHE_SHORT : CACHE_IMMUTABLE,
      extra: {
        "Content-Disposition": `attachment; filename="${filename}"`,
        ...(v === "latest" ? { "Content-Location": `/p/${council}/releases/${release.release.version}/download/${spec.name}` } : {}),
      },
    });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return problem(404, "Not found", "No published release of that council has that version.");
    throw e;
  }
}

export function OPTIONS() {
  return preflight();
}
