/**
 * Bundles the <local-spi> web component (embed/src) into public/embed/local-spi.js: one
 * minified ES2020 script with no imports, served by the app at /embed/local-spi.js.
 * `npm run build:embed`; `npm run build` runs it before `next build`.
 */
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EMBED_ENTRY = path.join(root, "embed/src/local-spi.ts");
export const EMBED_OUTFILE = path.join(root, "public/embed/local-spi.js");

/** Build the bundle; returns its text (also written to `outfile` unless write is false). */
export async function buildEmbed(opts: { write?: boolean; outfile?: string } = {}): Promise<string> {
  const outfile = opts.outfile ?? EMBED_OUTFILE;
  if (opts.write !== false) mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    entryPoints: [EMBED_ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    legalComments: "none",
    banner: { js: "/* Local SPI embed: <local-spi> web component. Palette: ColorBrewer (Apache-2.0). */" },
    outfile,
    write: opts.write !== false,
    logLevel: "silent",
  });
  return result.outputFiles ? result.outputFiles[0].text : (await import("node:fs")).readFileSync(outfile, "utf8");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { gzipSync } = await import("node:zlib");
  const text = await buildEmbed();
  console.log(`Wrote ${path.relative(root, EMBED_OUTFILE)}: ${text.length} bytes, ${gzipSync(text).length} bytes gzipped`);
}
