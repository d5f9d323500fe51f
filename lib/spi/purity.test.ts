import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * ARCHITECTURE rule 2: the engine is pure. Engine source files may not import Prisma,
 * Next, React, node:fs, node:crypto or any other I/O module. Exempt: the CLI (cli.ts),
 * the io/ folder, tests and test fixtures.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const FORBIDDEN = /^(node:)?(fs|fs\/promises|crypto|child_process|net|http|https|http2|dgram|dns|tls|worker_threads|cluster|readline|process|os|path)$|^(@prisma\/|prisma|next|react|react-dom|server-only|pg|@electric-sql\/)/;

function sources(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) return f === "__fixtures__" || f === "io" ? [] : sources(p);
    return /\.(ts|tsx|mts|js|mjs)$/.test(f) && !/\.test\.ts$/.test(f) && f !== "cli.ts" ? [p] : [];
  });
}

export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\s*\(\s*["']([^"']+)["']\s*\)|import\s*["']([^"']+)["']/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

describe("lib/spi purity", () => {
  it("the import scanner catches every import form", () => {
    const text = `import fs from "node:fs";\nimport { x } from 'react';\nconst c = await import("node:crypto");\nconst p = require("@prisma/client");\nimport "next/server";\nexport { y } from "./ok";`;
    expect(importsOf(text)).toEqual(["node:fs", "react", "node:crypto", "@prisma/client", "next/server", "./ok"]);
    expect(importsOf(text).filter((s) => FORBIDDEN.test(s))).toEqual(["node:fs", "react", "node:crypto", "@prisma/client", "next/server"]);
  });

  it("engine files import nothing forbidden", () => {
    const files = sources(dir);
    expect(files.length).toBeGreaterThan(15);
    const bad = files.flatMap((f) => importsOf(readFileSync(f, "utf8")).filter((s) => FORBIDDEN.test(s)).map((s) => `${path.basename(f)} → ${s}`));
    expect(bad).toEqual([]);
  });
});
