/**
 * `npm run bench`: every benchmark, one after another, each in its own process so their memory
 * figures do not mix. Not part of `npm test` (timings are not assertions).
 *
 *   npm run bench                      engine + upload validation
 *   npm run bench -- --url http://127.0.0.1:3000   also the embed/API benchmark against a running app
 */
import { spawnSync } from "node:child_process";

const url = process.argv.includes("--url") ? process.argv[process.argv.indexOf("--url") + 1] : null;
const benches: Array<{ name: string; args: string[] }> = [
  { name: "scoring engine (council, national scale, uncertainty, CLI on 4 M rows vs pandas)", args: ["bench/spi-engine.bench.ts"] },
  { name: "upload validation (1,000,000-row CSV vs raw papaparse)", args: ["bench/ingest-validate.bench.ts"] },
];
if (url) benches.push({ name: `embed script size and API throughput against ${url}`, args: ["bench/embed-api.bench.ts", "--url", url] });

let failed = 0;
for (const b of benches) {
  console.log(`\n### ${b.name}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", ...b.args], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
if (!url) console.log("\n(embed/API benchmark skipped: start the app and pass --url http://127.0.0.1:3000)");
process.exit(failed ? 1 : 0);
