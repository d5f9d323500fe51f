import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildEmbed, EMBED_OUTFILE } from "@/scripts/build-embed";

/** The budget for the <local-spi> script, gzipped. */
const BUDGET_GZ = 35 * 1024;

describe("embed bundle", () => {
  it("builds to one script within 35 KB gzipped, with no imports and no map library", async () => {
    const text = await buildEmbed({ write: false });
    const gz = gzipSync(text).length;
    expect(gz).toBeLessThanOrEqual(BUDGET_GZ);
    expect(text).not.toMatch(/\bimport\s*\(|^import /m);
    expect(text).not.toContain("geoMercator"); // shapes are projected on the server
    expect(text).toContain('credentials:"omit"');
  });

  it("the committed public/embed/local-spi.js is up to date (run npm run build:embed)", async () => {
    const text = await buildEmbed({ write: false });
    expect(readFileSync(EMBED_OUTFILE, "utf8")).toBe(text);
  });
});
