/**
 * Embed and API benchmark: the <local-spi> script's gzipped size, then throughput and latency at
 * 50 concurrent connections (autocannon) against a running `next start` for
 *   - the embed's data (`/embed/<council>/data.json?release=latest`),
 *   - a versioned public API response (`/api/v1/councils/<council>/releases/<n>/scores`), also
 *     as a conditional request answered 304,
 *   - the public HTML page `/p/<council>`,
 * next to the same bytes served as a static file by a plain node:http server in its own process
 * on the same machine (the floor: what Node can do with no application work at all).
 *
 *   npx tsx bench/embed-api.bench.ts [--url http://127.0.0.1:3000] [--council barking-and-dagenham] [--seconds 10]
 *
 * Loopback only. Not a test: it prints figures and asserts nothing.
 */
import { fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const BASE = arg("url", "http://127.0.0.1:3000");
const COUNCIL = arg("council", "barking-and-dagenham");
const SECONDS = Math.min(60, Math.max(2, Number(arg("seconds", "10"))));
const CONNECTIONS = 50;
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(BASE)) throw new Error("loopback URLs only");

interface TRow {
  "req/s": number;
  "p50 ms": number;
  "p95 ms": number;
  "p99 ms": number;
  "max ms": number;
  requests: number;
  "non-2xx": number;
  errors: number;
}

/** autocannon's latency histogram gives p97.5, not p95: take p95 from the raw samples it reports per request. */
async function measure(url: string, seconds: number, headers: Record<string, string> = {}): Promise<TRow> {
  const samples: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers }, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on("response", (_client, _status, _bytes, ms) => samples.push(ms));
  });
  samples.sort((a, b) => a - b);
  const q = (p: number) => (samples.length ? Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 10) / 10 : NaN);
  return {
    "req/s": Math.round(r.requests.average),
    "p50 ms": q(0.5),
    "p95 ms": q(0.95),
    "p99 ms": q(0.99),
    "max ms": Math.round(r.latency.max),
    requests: r.requests.total,
    "non-2xx": r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function fetchBody(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}: is the app running (npm start, or PORT=… npm start) with the demo data?`);
  return Buffer.from(await res.arrayBuffer());
}

/** A node:http server in a child process answering every request with the file's bytes. */
async function startStaticServer(file: string): Promise<{ url: string; stop: () => void }> {
  const code = `
    const { createServer } = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    const server = createServer((_req, res) => { res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length }); res.end(body); });
    server.listen(0, "127.0.0.1", () => process.send(server.address().port));`;
  const script = path.join(tmpdir(), `lspi-static-${process.pid}.cjs`);
  writeFileSync(script, code);
  const child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.once("message", (p) => resolve(Number(p))));
  return { url: `http://127.0.0.1:${port}/data.json`, stop: () => child.kill() };
}

async function main() {
  const script = readFileSync("public/embed/local-spi.js");
  console.log(`embed script: ${script.length} bytes, ${gzipSync(script).length} bytes gzipped (budget 35,840)`);

  const embedUrl = `${BASE}/embed/${COUNCIL}/data.json?release=latest`;
  const embedBody = await fetchBody(embedUrl);
  const releases = JSON.parse((await fetchBody(`${BASE}/api/v1/councils/${COUNCIL}/releases`)).toString()) as { data?: Array<{ version: number }> };
  const version = releases.data?.[0]?.version;
  if (!version) throw new Error(`${COUNCIL} has no published release to benchmark`);
  const apiUrl = `${BASE}/api/v1/councils/${COUNCIL}/releases/${version}/scores`;
  const apiBody = await fetchBody(apiUrl);
  console.log(`embed data.json: ${embedBody.length} bytes (${gzipSync(embedBody).length} gzipped); API scores (release ${version}, first page): ${apiBody.length} bytes`);

  const file = path.join(tmpdir(), `lspi-bench-${process.pid}.json`);
  writeFileSync(file, embedBody);
  const plain = await startStaticServer(file);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s each, after a 2 s warm-up of each target`);
  try {
    const rows: Record<string, TRow> = {};
    await measure(embedUrl, 2);
    rows["next start: embed data.json (latest)"] = await measure(embedUrl, SECONDS);
    await measure(apiUrl, 2);
    rows[`next start: /api/v1 scores (release ${version})`] = await measure(apiUrl, SECONDS);
    // a revalidation, as a browser or CDN sends once it holds the ETag
    const etag = (await fetch(apiUrl)).headers.get("etag");
    if (etag) rows["next start: /api/v1 scores, If-None-Match (304)"] = await measure(apiUrl, SECONDS, { "if-none-match": etag });
    // the public HTML page a resident opens (server-rendered on every request)
    const pageUrl = `${BASE}/p/${COUNCIL}`;
    await measure(pageUrl, 2);
    rows["next start: public page /p/<council> (HTML)"] = await measure(pageUrl, SECONDS);
    await measure(plain.url, 2);
    rows["node:http static file (same bytes as data.json)"] = await measure(plain.url, SECONDS);
    console.table(rows);
  } finally {
    plain.stop();
  }
}

await main();
