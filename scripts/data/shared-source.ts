/**
 * Locates ../shared/data/london for the one-off generators. A newcomer's clone has no
 * ../shared: the generators then stop with a clear message (their outputs are committed).
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../..",
);

export function requireSharedLondonDir(): string {
  const dir =
    process.env.SPI_SHARED_LONDON_DIR ??
    resolve(repoRoot, "../shared/data/london");
  const needed = [
    "ward_atlas_2015_london.csv",
    "ward_atlas_2015_columns.csv",
    "ward_population_2001_2028.csv",
  ];
  const missing = needed.filter((f) => !existsSync(resolve(dir, f)));
  if (missing.length > 0) {
    console.error(
      `ERROR: source data not found in ${dir} (missing: ${missing.join(", ")}).\n` +
        "This one-off generator needs the shared London data folder (../shared/data/london next to the repo,\n" +
        "or set SPI_SHARED_LONDON_DIR). Its outputs are already committed; you do not need to run it.",
    );
    process.exit(2);
  }
  return dir;
}
