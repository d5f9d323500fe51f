/**
 * Benchmark of the upload validation core (not a timed test). Run standalone:
 *   npx tsx bench/ingest-validate.bench.ts [--rows 1000000]
 * Generates a long CSV from the London framework's 27 indicators × the 35 LBBD and
 * Havering wards (values drawn around each indicator's real median, seeded) into
 * .data/bench/, then in separate child processes (so peak RSS is per task):
 *   validate — validateUpload on the bytes (rows/s, wall time, peak RSS; target < 512 MB);
 *   papaparse — Papa.parse of the same file (decode + parse only, no validation).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { contextFromFramework } from "../lib/ingest/context";
import { validateUpload } from "../lib/ingest/index";
import { createRng } from "../lib/spi/rng";
import { parseAreasCsv, validateFramework } from "../lib/spi/index";

const root = path.resolve(import.meta.dirname, "..");
const fwDir = path.join(root, "data/frameworks/london-wards-2015");
const argRows = process.argv.indexOf("--rows");
const ROWS = argRows > 0 ? Number(process.argv[argRows + 1]) : 1_000_000;
const file = path.join(root, ".data/bench", `ingest-${ROWS}.csv`);
const FIRST_PERIOD = 1000;

function inputs() {
  const fw = validateFramework(JSON.parse(readFileSync(path.join(fwDir, "framework.json"), "utf8")));
  if (!fw.ok) throw new Error("framework invalid");
  const areas = parseAreasCsv(readFileSync(path.join(fwDir, "areas.csv"), "utf8")).areas.filter((a) => a.parent === "E09000002" || a.parent === "E09000016");
  return { fw: fw.framework, areas };
}

function generate() {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const { fw, areas } = inputs();
  const obs = readFileSync(path.join(fwDir, "observations-lbbd-havering.csv"), "utf8").split("\n").slice(1).map((l) => l.split(","));
  const median = new Map(fw.indicators.map((i) => {
    const v = obs.filter((o) => o[1] === i.code).map((o) => Number(o[3])).sort((a, b) => a - b);
    return [i.code, v[v.length >> 1] ?? 10];
  }));
  const rng = createRng(7);
  const lines = ["area_code,indicator_code,period,value"];
  let n = 0;
  for (let p = FIRST_PERIOD; n < ROWS; p++)
    for (const i of fw.indicators)
      for (const a of areas) {
        if (n++ >= ROWS) break;
        lines.push(`${a.code},${i.code},${p},${+(median.get(i.code)! * (0.8 + 0.4 * rng.next())).toPrecision(6)}`);
      }
  writeFileSync(file, lines.join("\n") + "\n");
}

async function task(kind: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  let detail = "";
  if (kind === "validate") {
    const { fw, areas } = inputs();
    const context = contextFromFramework(fw, areas, { periodRange: { min: FIRST_PERIOD, max: 2999 } });
    const r = await validateUpload({ bytes, filename: "bench.csv", context, limits: { maxBytes: 200 * 1024 * 1024 } });
    detail = `ok=${r.ok} observations=${r.observations.length} errors=${r.summary.errors} warnings=${r.summary.warnings} issues listed=${r.issues.length}`;
  } else {
    const text = new TextDecoder().decode(bytes);
    const r = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
    detail = `records=${r.data.length}`;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ kind, ms, rowsPerSec: ROWS / (ms / 1000), maxRssMB: process.resourceUsage().maxRSS / 1024, detail }) + "\n");
}

async function main() {
  const child = process.argv.indexOf("--task");
  if (child > 0) return task(process.argv[child + 1]);
  generate();
  console.log(`file: ${path.relative(root, file)} (${ROWS.toLocaleString("en-GB")} rows, ${(readFileSync(file).length / 1e6).toFixed(1)} MB)`);
  for (const kind of ["validate", "papaparse"]) {
    const r = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--task", kind, "--rows", String(ROWS)], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split("\n").pop()!);
    console.log(`${kind.padEnd(10)} ${(m.ms / 1000).toFixed(2)} s  ${Math.round(m.rowsPerSec).toLocaleString("en-GB")} rows/s  peak RSS ${Math.round(m.maxRssMB)} MB  ${m.detail}`);
  }
}

void main();
