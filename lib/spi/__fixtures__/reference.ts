/**
 * Test helper: reads the published SPI reference data from ../shared (never copied
 * into the repo: no licence). Tests skip, with a visible warning, when it is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseRecords } from "../csv";

export const repoRoot = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
export const referenceDir = path.resolve(repoRoot, "../shared", "spi-reference-data");
export const hasReference = existsSync(path.join(referenceDir, "spi2017_global_results.csv"));

export function warnIfMissing(what: string): void {
  if (!hasReference) console.warn(`[spi] ${what}: skipped — ${referenceDir} not found`);
}

/** Read a reference CSV as objects keyed by header. */
export function readReferenceCsv(file: string): Array<Record<string, string>> {
  const recs = parseRecords(readFileSync(path.join(referenceDir, file), "utf8"));
  const head = recs[0].map((h) => h.replace(/^\uFEFF/, ""));
  return recs.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
}

export const num = (s: string | undefined): number | null => (s === undefined || s.trim() === "" ? null : Number(s));
