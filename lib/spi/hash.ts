/**
 * SHA-256 (FIPS 180-4) in plain TypeScript so the engine stays free of node:crypto
 * and runs the same in any JavaScript runtime. Streaming: feed bytes, strings
 * (UTF-8) or float64 values, then take the hex digest.
 *
 * Speed matters: a national run hashes ~30 MB of float64 observations. Blocks are
 * compressed in one loop with the state in locals and big-endian words assembled with
 * shifts (no DataView or allocation per block); float64 values are byte-swapped a
 * chunk at a time through typed-array views instead of one DataView call per value.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Values per float64 chunk (8 KB of bytes). */
const F64_CHUNK = 1024;

/**
 * Compress `blocks` 64-byte blocks of `data` starting at `off` into state `h`.
 * `w` is a 64-word scratch schedule.
 */
function compressBlocks(h: Int32Array, w: Int32Array, data: Uint8Array, off: number, blocks: number): void {
  let h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
  for (let blk = 0; blk < blocks; blk++) {
    let p = off + blk * 64;
    for (let i = 0; i < 16; i++, p += 4) w[i] = (data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3];
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (((w[i - 16] + s0) | 0) + ((w[i - 7] + s1) | 0)) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (((hh + S1) | 0) + ((ch + K[i]) | 0) + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

/**
 * A SHA-256 implementation supplied by the host, e.g. `() => createHash("sha256")` from
 * node:crypto, to hash large inputs faster than plain TypeScript can. It must be
 * standard SHA-256: the digest is the same either way.
 */
export type TSha256Factory = () => { update(bytes: Uint8Array): unknown; digest(encoding: "hex"): string };

/** The framing of hashed inputs (length-prefixed strings, big-endian integers and floats) over any byte sink. */
export abstract class HashWriter {
  private encoder = new TextEncoder();

  /** Append raw bytes. */
  abstract update(bytes: Uint8Array): this;

  /** Finish and return the lowercase hex digest. The hasher must not be reused. */
  abstract hex(): string;

  /** Append a string as UTF-8, preceded by its byte length so concatenations cannot collide. */
  string(s: string): this {
    const bytes = this.encoder.encode(s);
    this.u32(bytes.length);
    return this.update(bytes);
  }

  /** Append a 32-bit unsigned integer (big-endian). */
  u32(x: number): this {
    return this.update(Uint8Array.of(x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255));
  }

  /** Append float64 values (big-endian). NaN is canonicalised; -0 becomes 0. */
  float64(values: ArrayLike<number>): this {
    const f64 = new Float64Array(F64_CHUNK);
    const words = new Int32Array(f64.buffer);
    const bytes = new Uint8Array(f64.buffer);
    for (let start = 0; start < values.length; start += F64_CHUNK) {
      const end = Math.min(values.length, start + F64_CHUNK);
      const m = end - start;
      for (let k = 0; k < m; k++) {
        const v = values[start + k];
        f64[k] = v !== v ? NaN : v === 0 ? 0 : v;
      }
      if (LITTLE_ENDIAN) swapWords(words, m);
      this.update(bytes.subarray(0, m * 8));
    }
    return this;
  }

  /**
   * Append the values of a column-major matrix (`columns` columns of `length` values)
   * row by row — value j of every column, then value j + 1 — with exactly the bytes of
   * float64() over those values in that order. Transposes, canonicalises and byte-swaps
   * a chunk at a time, without an intermediate copy of the matrix.
   */
  float64Rows(matrix: Float64Array, columns: number, length: number): this {
    const f64 = new Float64Array(Math.max(F64_CHUNK, columns));
    const words = new Int32Array(f64.buffer);
    const bytes = new Uint8Array(f64.buffer);
    const per = Math.max(1, Math.floor(f64.length / Math.max(1, columns)));
    for (let j0 = 0; j0 < length; j0 += per) {
      const rows = Math.min(per, length - j0);
      for (let i = 0; i < columns; i++) {
        const base = i * length + j0;
        for (let t = 0, at = i; t < rows; t++, at += columns) {
          const v = matrix[base + t];
          f64[at] = v !== v ? NaN : v === 0 ? 0 : v;
        }
      }
      const m = rows * columns;
      if (LITTLE_ENDIAN) swapWords(words, m);
      this.update(bytes.subarray(0, m * 8));
    }
    return this;
  }
}

/** Float64 values (as pairs of 32-bit words) to big-endian byte order, in place. */
function swapWords(words: Int32Array, values: number): void {
  // big-endian bytes of a float64 = its high word then its low word, each byte-swapped
  for (let k = 0; k < 2 * values; k += 2) {
    const lo = words[k], hi = words[k + 1];
    words[k] = (hi << 24) | ((hi & 0xff00) << 8) | ((hi >>> 8) & 0xff00) | (hi >>> 24);
    words[k + 1] = (lo << 24) | ((lo & 0xff00) << 8) | ((lo >>> 8) & 0xff00) | (lo >>> 24);
  }
}

/** SHA-256 in plain TypeScript, with the input framing of HashWriter. */
export class Sha256 extends HashWriter {
  private h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private block = new Uint8Array(64);
  private blockLen = 0;
  private total = 0;
  private w = new Int32Array(64);

  update(bytes: Uint8Array): this {
    let i = 0;
    const n = bytes.length;
    this.total += n;
    if (this.blockLen > 0) {
      const take = Math.min(64 - this.blockLen, n);
      this.block.set(bytes.subarray(0, take), this.blockLen);
      this.blockLen += take;
      i = take;
      if (this.blockLen < 64) return this;
      compressBlocks(this.h, this.w, this.block, 0, 1);
      this.blockLen = 0;
    }
    const blocks = (n - i) >> 6;
    if (blocks > 0) {
      compressBlocks(this.h, this.w, bytes, i, blocks);
      i += blocks * 64;
    }
    if (i < n) {
      this.block.set(bytes.subarray(i), 0);
      this.blockLen = n - i;
    }
    return this;
  }

  hex(): string {
    const bitLenHi = Math.floor((this.total * 8) / 4294967296);
    const bitLenLo = (this.total * 8) >>> 0;
    const pad = new Uint8Array(((this.blockLen < 56 ? 56 : 120) - this.blockLen) + 8);
    pad[0] = 0x80;
    const dv = new DataView(pad.buffer);
    dv.setUint32(pad.length - 8, bitLenHi);
    dv.setUint32(pad.length - 4, bitLenLo);
    const total = this.total;
    this.update(pad);
    this.total = total;
    let out = "";
    for (let i = 0; i < 8; i++) out += (this.h[i] >>> 0).toString(16).padStart(8, "0");
    return out;
  }
}

/** The same framing over a host-supplied SHA-256 (see TSha256Factory). */
export class HostSha256 extends HashWriter {
  private h: ReturnType<TSha256Factory>;
  constructor(factory: TSha256Factory) {
    super();
    this.h = factory();
  }
  update(bytes: Uint8Array): this {
    this.h.update(bytes);
    return this;
  }
  hex(): string {
    return this.h.digest("hex");
  }
}

/** A hasher: the host's SHA-256 when given, else the plain TypeScript one. */
export function createSha256(factory?: TSha256Factory): HashWriter {
  return factory ? new HostSha256(factory) : new Sha256();
}

/** SHA-256 of a string (UTF-8) as lowercase hex. */
export function sha256Hex(s: string): string {
  return new Sha256().update(new TextEncoder().encode(s)).hex();
}

/**
 * Canonical JSON: object keys sorted (code-unit order), no whitespace, -0 as 0.
 * Used for hashing so key order in the input files does not change the hash.
 * Objects of one shape (the same keys in the same order, as a list of areas) reuse
 * their sorted, encoded keys: a national areas list is 7,000 such objects.
 */
export function canonicalJson(value: unknown): string {
  return new CanonicalWriter().write(value);
}

class CanonicalWriter {
  private shapeKeys: string[] = [];
  /** For the cached shape: [key, `"key":` encoded] in sorted order. */
  private shapeSorted: Array<[string, string]> = [];

  write(value: unknown): string {
    if (value === null || typeof value !== "object") {
      if (typeof value === "number") return JSON.stringify(Object.is(value, -0) ? 0 : value);
      return JSON.stringify(value) ?? "null";
    }
    if (Array.isArray(value)) {
      let out = "[";
      for (let k = 0; k < value.length; k++) out += (k ? "," : "") + this.write(value[k]);
      return out + "]";
    }
    const obj = value as Record<string, unknown>;
    let out = "{";
    let first = true;
    for (const [key, prefix] of this.sortedKeys(Object.keys(obj))) {
      const v = obj[key];
      if (v === undefined) continue;
      out += (first ? "" : ",") + prefix + this.write(v);
      first = false;
    }
    return out + "}";
  }

  private sortedKeys(keys: string[]): Array<[string, string]> {
    const last = this.shapeKeys;
    let same = keys.length === last.length;
    for (let k = 0; same && k < keys.length; k++) same = keys[k] === last[k];
    if (same) return this.shapeSorted;
    const sorted = [...keys].sort().map((k): [string, string] => [k, `${JSON.stringify(k)}:`]);
    this.shapeKeys = keys;
    this.shapeSorted = sorted;
    return sorted;
  }
}
