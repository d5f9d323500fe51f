import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const ROOTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated", "__fixtures__"]);

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isFile()) {
    if (!/\.test\.tsx?$/.test(p)) out.push(p);
    return;
  }
  for (const e of readdirSync(p).sort()) if (!SKIP.has(e)) walk(path.join(p, e), out);
}

/** A hash of everything `next build` compiles, to tell whether the last build is stale. */
export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const r of ROOTS) walk(path.join(root, r), files);
  const h = createHash("sha256");
  for (const f of files) h.update(path.relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}
