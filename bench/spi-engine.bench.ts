/**
 * Benchmarks of the SPI engine (not timed tests). Run standalone:
 *   npx tsx bench/spi-engine.bench.ts [--skip-cli] [--case NAME]
 * Every case runs in its own process (so its peak RSS is its own) and prints the load
 * average it started under; the cases whose target is "on one core" (national, CLI and
 * pandas) are pinned to one CPU when `taskset` exists:
 *   lbbd         17 wards × 45 indicators × 2 periods (target < 10 ms);
 *   uncertainty  1,000 draws on 625 wards (target < 5 s);
 *   national     7,000 areas × 55 indicators (12 components) × 10 periods, PCA weights,
 *                diagnostics, strengths/weaknesses (target < 2 s, < 1 GB): the columnar
 *                result with node:crypto's SHA-256 for the input hash, as `spi score` runs it;
 *                the first run in a fresh process (which includes V8 compiling the engine on
 *                the same core) and the median of the next five;
 *   national-variants  the same with the rows result layout and with the engine's own
 *                plain-TypeScript SHA-256, for comparison;
 *   cli          `spi score` on a generated ≈ 4 M-row CSV (+ areas, aggregation), and
 *                bench/pandas_score.py doing the same work with pandas/numpy when a
 *                Python with pandas is found (BENCH_PYTHON, else .bench-venv/bin/python).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { syntheticColumns, syntheticFramework } from "../lib/spi/__fixtures__/synthetic";
import { scoreFramework, type TResultLayout, type TScoreInput } from "../lib/spi/index";

const NATIONAL = { indicatorsPerComponent: [4, 5, 5, 4, 5, 4, 5, 4, 5, 4, 5, 5], weighting: "pca" as const };
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
/** Peak resident set size of this process so far (includes the generated input data). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const nodeSha256 = () => createHash("sha256");

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function nationalInput(): TScoreInput {
  const fw = syntheticFramework(NATIONAL);
  const cols = syntheticColumns(fw, { areas: 7000, periods: 10 });
  const areas = cols.areaCodes.map((code, i) => ({ code, peerValue: ((i * 104729) % 10007) / 100 }));
  return { framework: fw, observations: cols, areas, options: { aggregate: false } };
}

/** Wall times of the runs, and the CPU time this process spent in them (all threads, e.g. the garbage collector's). */
function runNational(input: TScoreInput, layout: TResultLayout, sha256: typeof nodeSha256 | undefined, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [], cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const [out, ms] = time(() => scoreFramework({ ...input, resultLayout: layout, sha256 }));
    const c = process.cpuUsage(c0);
    if (!out.ok) throw new Error("national run failed");
    wall.push(ms);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

const list = (ms: number[]) => ms.map((t) => t.toFixed(0)).join(" / ");

const cases: Record<string, () => void> = {
  lbbd() {
    const fw = syntheticFramework({ indicatorsPerComponent: [4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4, 3] });
    const cols = syntheticColumns(fw, { areas: 17, periods: 2, startYear: 2019 });
    for (let k = 0; k < 20; k++) scoreFramework({ framework: fw, observations: cols });
    const ts: number[] = [];
    for (let k = 0; k < 100; k++) ts.push(time(() => scoreFramework({ framework: fw, observations: cols }))[1]);
    ts.sort((a, b) => a - b);
    console.log(`lbbd      17 wards × ${cols.indicatorCodes.length} ind × 2 periods (rows layout): median ${ts[50].toFixed(2)} ms, p95 ${ts[95].toFixed(2)} ms`);
  },

  uncertainty() {
    const fw = syntheticFramework({ indicatorsPerComponent: [4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4, 3], weighting: "pca" });
    const cols = syntheticColumns(fw, { areas: 625, periods: 2 });
    const [, base] = time(() => scoreFramework({ framework: fw, observations: cols }));
    const [out, withU] = time(() => scoreFramework({ framework: fw, observations: cols, options: { uncertainty: { draws: 1000, seed: 1 } } }));
    if (!out.ok) throw new Error("uncertainty failed");
    console.log(`uncertainty 1000 draws × 625 wards: ${withU.toFixed(0)} ms total (${(withU - base).toFixed(0)} ms for the Monte Carlo)`);
  },

  national() {
    const input = nationalInput();
    const rssInput = process.memoryUsage().rss;
    // the first run in a fresh process also pays for V8 compiling the engine, on the same
    // core; the next ones are what a long-running server (the web app) sees
    const { wall, cpu } = runNational(input, "columnar", nodeSha256, 6);
    const peak = peakRss();
    const areas = (input.areas ?? []).map((a, i) => ({ ...a, parent: `P${i % 300}`, population: 1000 + i }));
    const [, agg] = time(() => scoreFramework({ ...input, areas, options: {}, resultLayout: "columnar", sha256: nodeSha256 }));
    const n = (input.observations as { length: number }).length;
    const warm = wall.slice(1).sort((a, b) => a - b);
    console.log(
      `national  ${n} obs, columnar result, node:crypto input hash: first run ${wall[0].toFixed(0)} ms wall (CPU ${cpu[0].toFixed(0)}); ` +
        `next 5 runs median ${warm[2].toFixed(0)} ms, min ${warm[0].toFixed(0)}, max ${warm[4].toFixed(0)} (${list(wall.slice(1))}); ` +
        `peak RSS ${mb(peak)} (input data alone ${mb(rssInput)}); + aggregation to 300 parents: ${agg.toFixed(0)} ms`,
    );
  },

  "national-variants"() {
    const input = nationalInput();
    const js = runNational(input, "columnar", undefined, 2);
    const jsPeak = peakRss();
    const rows = runNational(input, "rows", nodeSha256, 1);
    console.log(
      `national  for comparison: plain-TypeScript SHA-256 ${list(js.wall)} ms wall (CPU ${list(js.cpu)}; peak RSS ${mb(jsPeak)}); ` +
        `rows result layout (one object per area × period) ${list(rows.wall)} ms wall (CPU ${list(rows.cpu)}; peak RSS then ${mb(peakRss())})`,
    );
  },

  cli() {
    const dir = ".data/bench";
    if (!existsSync(path.join(dir, "observations.csv"))) execFileSync(process.execPath, ["--import", "tsx", "bench/gen-observations.ts", "--dir", dir], { stdio: "inherit" });
    const rows = execFileSync("wc", ["-l", `${dir}/observations.csv`], { encoding: "utf8" }).trim().split(" ")[0];
    const inputs = ["--framework", `${dir}/framework.json`, "--observations", `${dir}/observations.csv`, "--areas", `${dir}/areas.csv`];
    const spi = measure(process.execPath, ["bin/spi.mjs", "score", ...inputs, "--out", `${dir}/result.json`]);
    console.log(`cli       spi score on ${rows} CSV lines (+ areas, aggregation, JSON result): exit ${spi.status}, ${(spi.ms / 1000).toFixed(1)} s wall, peak RSS ${spi.rss}`);
    const python = findPandas();
    if (!python) {
      console.log(
        "pandas    comparison skipped: no Python with pandas and numpy found. Set BENCH_PYTHON=/path/to/python, or run\n" +
          "          python3 -m venv .bench-venv && .bench-venv/bin/pip install pandas numpy",
      );
      return;
    }
    const pd = measure(python, ["bench/pandas_score.py", ...inputs, "--out", `${dir}/result-pandas.json`]);
    console.log(
      `pandas    bench/pandas_score.py, same file and work (${python}): exit ${pd.status}, ${(pd.ms / 1000).toFixed(1)} s wall, peak RSS ${pd.rss}` +
        (pd.status === 0 && spi.status === 0 ? ` — spi score ${(pd.ms / spi.ms).toFixed(1)}× faster` : ""),
    );
  },
};

/** Run a command (on one CPU when taskset exists) and return its wall time and peak RSS. */
function measure(cmd: string, args: string[]) {
  const full = [...pin(), ...(existsSync("/usr/bin/time") ? ["/usr/bin/time", "-v"] : []), cmd, ...args];
  const t0 = performance.now();
  const r = spawnSync(full[0], full.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  if (r.status !== 0) process.stderr.write(r.stderr ?? "");
  return { status: r.status, ms, rss: rss ? mb(Number(rss[1]) * 1000) : "n/a" };
}

function findPandas(): string | null {
  const candidates = [process.env.BENCH_PYTHON, ".bench-venv/bin/python"].filter((p): p is string => !!p);
  for (const p of candidates) {
    const r = spawnSync(p, ["-c", "import pandas, numpy"], { encoding: "utf8" });
    if (r.status === 0) return p;
  }
  return null;
}

const pin = () => (existsSync("/usr/bin/taskset") ? ["/usr/bin/taskset", "-c", "0"] : []);
/** Cases measured on one core (their targets say so); the others run where the OS puts them. */
const ONE_CORE = new Set(["national", "national-variants", "cli"]);

const caseArg = process.argv.indexOf("--case");
if (caseArg > 0) cases[process.argv[caseArg + 1]]();
else {
  const names = Object.keys(cases).filter((n) => n !== "cli" || !process.argv.includes("--skip-cli"));
  console.log(`(each case in its own process${pin().length ? `; ${[...ONE_CORE].join(", ")} pinned to CPU 0` : ""}; load average before each case, 1/5/15 min)`);
  for (const name of names) {
    const load = loadavg().map((l) => l.toFixed(2)).join(" ");
    process.stdout.write(`[load ${load}] `);
    const argv = [...(ONE_CORE.has(name) ? pin() : []), process.execPath, "--import", "tsx", "bench/spi-engine.bench.ts", "--case", name];
    const r = spawnSync(argv[0], argv.slice(1), { stdio: "inherit" });
    if (r.status !== 0) process.exitCode = 1;
  }
}
