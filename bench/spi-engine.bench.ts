/**
 * Benchmarks of the SPI engine (not timed tests). Run standalone:
 *   npx tsx bench/spi-engine.bench.ts [--skip-cli]
 * 1. national scale in memory: 7,000 areas × 55 indicators (12 components) × 10 periods,
 *    PCA weights, diagnostics, strengths/weaknesses (target < 2 s, < 1 GB);
 * 2. LBBD size: 17 wards × 45 indicators × 2 periods (target < 10 ms);
 * 3. uncertainty: 1,000 draws on 625 wards (target < 5 s);
 * 4. the whole `spi score` CLI on a generated ≈ 4 M-row CSV (wall time, peak RSS).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { syntheticColumns, syntheticFramework } from "../lib/spi/__fixtures__/synthetic";
import { scoreFramework } from "../lib/spi/index";

const NATIONAL = { indicatorsPerComponent: [4, 5, 5, 4, 5, 4, 5, 4, 5, 4, 5, 5], weighting: "pca" as const };
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function national() {
  const fw = syntheticFramework(NATIONAL);
  const cols = syntheticColumns(fw, { areas: 7000, periods: 10 });
  const areas = cols.areaCodes.map((code, i) => ({ code, peerValue: ((i * 104729) % 10007) / 100 }));
  const rssBefore = process.memoryUsage().rss;
  const times: number[] = [];
  let peakRss = 0;
  for (let k = 0; k < 3; k++) {
    const [out, ms] = time(() => scoreFramework({ framework: fw, observations: cols, areas, options: { aggregate: false } }));
    if (!out.ok) throw new Error("national run failed");
    times.push(ms);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const [, agg] = time(() => scoreFramework({ framework: fw, observations: cols, areas: areas.map((a, i) => ({ ...a, parent: `P${i % 300}`, population: 1000 + i })) }));
  console.log(`national  ${cols.length} obs: ${times.map((t) => t.toFixed(0)).join(" / ")} ms (3 runs; + aggregation to 300 parents: ${agg.toFixed(0)} ms); RSS before ${mb(rssBefore)}, peak ${mb(peakRss)} (input data included)`);
}

function lbbd() {
  const fw = syntheticFramework({ indicatorsPerComponent: [4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4, 3] });
  const cols = syntheticColumns(fw, { areas: 17, periods: 2, startYear: 2019 });
  for (let k = 0; k < 20; k++) scoreFramework({ framework: fw, observations: cols });
  const ts: number[] = [];
  for (let k = 0; k < 100; k++) ts.push(time(() => scoreFramework({ framework: fw, observations: cols }))[1]);
  ts.sort((a, b) => a - b);
  console.log(`lbbd      17 wards × ${cols.indicatorCodes.length} ind × 2 periods: median ${ts[50].toFixed(2)} ms, p95 ${ts[95].toFixed(2)} ms`);
}

function uncertainty() {
  const fw = syntheticFramework({ indicatorsPerComponent: [4, 4, 4, 3, 4, 4, 4, 3, 4, 4, 4, 3], weighting: "pca" });
  const cols = syntheticColumns(fw, { areas: 625, periods: 2 });
  const [, base] = time(() => scoreFramework({ framework: fw, observations: cols }));
  const [out, withU] = time(() => scoreFramework({ framework: fw, observations: cols, options: { uncertainty: { draws: 1000, seed: 1 } } }));
  if (!out.ok) throw new Error("uncertainty failed");
  console.log(`uncertainty 1000 draws × 625 wards: ${withU.toFixed(0)} ms total (${(withU - base).toFixed(0)} ms for the Monte Carlo)`);
}

function cli() {
  const dir = ".data/bench";
  if (!existsSync(path.join(dir, "observations.csv"))) execFileSync(process.execPath, ["--import", "tsx", "bench/gen-observations.ts", "--dir", dir], { stdio: "inherit" });
  const args = ["bin/spi.mjs", "score", "--framework", `${dir}/framework.json`, "--observations", `${dir}/observations.csv`, "--areas", `${dir}/areas.csv`, "--out", `${dir}/result.json`];
  const hasTime = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const r = hasTime ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8" }) : spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - t0;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? "");
  const rows = execFileSync("wc", ["-l", `${dir}/observations.csv`], { encoding: "utf8" }).trim().split(" ")[0];
  console.log(`cli       spi score on ${rows} CSV lines (+ areas, aggregation): exit ${r.status}, ${(ms / 1000).toFixed(1)} s wall, peak RSS ${rss ? mb(Number(rss[1]) * 1000) : "n/a"}`);
}

lbbd();
uncertainty();
national();
if (!process.argv.includes("--skip-cli")) cli();
