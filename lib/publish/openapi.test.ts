import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAPI_DOCUMENT } from "./openapi";

/** Every route handler under app/api/v1 as an OpenAPI path ("[council]" → "{council}"). */
function routePaths(): string[] {
  const root = path.resolve("app/api/v1");
  const out: string[] = [];
  const walk = (dir: string, segs: string[]) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) walk(p, /^\(.*\)$/.test(e) ? segs : [...segs, e.replace(/^\[(.+)\]$/, "{$1}")]);
      else if (/^route\.tsx?$/.test(e)) out.push("/" + segs.join("/"));
    }
  };
  walk(root, []);
  return out.sort();
}

function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), doc);
}

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  const doc = JSON.parse(JSON.stringify(OPENAPI_DOCUMENT));

  it("is OpenAPI 3.1 with info and a server", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.servers[0].url).toBe("/api/v1");
  });

  it("every path has operations, each with an operationId and responses including a 2xx", () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries<Record<string, { operationId: string; responses: Record<string, unknown> }>>(doc.paths)) {
      const ops = Object.entries(item).filter(([m]) => ["get", "put", "post", "delete", "options", "head", "patch", "trace"].includes(m));
      expect(ops.length, p).toBeGreaterThan(0);
      for (const [m, op] of ops) {
        expect(op.operationId, `${m} ${p}`).toBeTruthy();
        expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses).some((c) => /^2\d\d$/.test(c)), `${m} ${p} has a 2xx response`).toBe(true);
      }
    }
  });

  it("every path parameter is declared, and every declared one is in the path", () => {
    for (const [p, item] of Object.entries<{ get: { parameters?: Array<{ $ref?: string; name?: string; in?: string }> } }>(doc.paths)) {
      const inPath = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (item.get.parameters ?? [])
        .map((x) => (x.$ref ? (resolve(doc, x.$ref) as { name: string; in: string }) : (x as { name: string; in: string })))
        .filter((x) => x.in === "path")
        .map((x) => x.name)
        .sort();
      expect(declared, p).toEqual(inPath);
    }
  });

  it("every $ref resolves", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) expect(resolve(doc, r), r).toBeDefined();
  });

  it("describes exactly the route handlers under app/api/v1", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(routePaths());
  });
});
