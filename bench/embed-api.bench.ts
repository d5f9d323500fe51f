/**
 * Embed benchmark: the <local-spi> script's gzipped size, and the embed data endpoint's
 * throughput and p95 latency at 50 concurrent connections against a running `next start`,
 * next to the same JSON served as a static file by a plain node:http server on this machine.
 *
 *   npx tsx bench/embed-api.bench.ts [--url http://127.0.0.1:3500] [--council barking-and-dagenham] [--requests 2000]
 *
 * Loopback only, bounded (a fixed number of requests); no third-party load tool.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const BASE = arg("url", "http://127.0.0.1:3500");
const COUNCIL = arg("council", "barking-and-dagenham");
const REQUESTS = Math.min(20000, Number(arg("requests", "2000")));
const CONCURRENCY = 50;
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(BASE)) throw new Error("loopback URLs only");

interface TStats {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** CONCURRENCY workers issue `total` GETs between them; per-request latency in ms. */
async function load(url: string, total: number): Promise<TStats> {
  const lat: number[] = [];
  let next = 0, errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        try {
          const r = await fetch(url);
          await r.arrayBuffer();
          if (!r.ok) errors++;
        } catch {
          errors++;
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] * 10) / 10;
  return { requests: total, seconds: Math.round(seconds * 100) / 100, rps: Math.round(total / seconds), p50: q(0.5), p95: q(0.95), p99: q(0.99), errors };
}

async function main() {
  const script = readFileSync("public/embed/local-spi.js");
  console.log(`embed script: ${script.length} bytes, ${gzipSync(script).length} bytes gzipped (budget 35840)`);

  const url = `${BASE}/embed/${COUNCIL}/data.json?release=latest`;
  const first = await fetch(url);
  if (!first.ok) throw new Error(`${url} answered ${first.status}: is the app running (PORT=3500 npm start)?`);
  const body = Buffer.from(await first.arrayBuffer());
  console.log(`data.json: ${body.length} bytes, ${gzipSync(body).length} gzipped`);

  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const staticUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data.json`;

  await load(url, Math.min(200, REQUESTS)); // warm-up
  const app = await load(url, REQUESTS);
  const plain = await load(staticUrl, REQUESTS);
  server.close();
  console.table({ "next start /embed/<council>/data.json": app, "node:http static file": plain });
}

await main();
