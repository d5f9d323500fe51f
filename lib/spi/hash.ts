/**
 * SHA-256 (FIPS 180-4) in plain TypeScript so the engine stays free of node:crypto
 * and runs the same in any JavaScript runtime. Streaming: feed bytes, strings
 * (UTF-8) or float64 values, then take the hex digest.
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

export class Sha256 {
  private h = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private block = new Uint8Array(64);
  private blockLen = 0;
  private total = 0;
  private w = new Int32Array(64);
  private scratch = new DataView(new ArrayBuffer(8));
  private encoder = new TextEncoder();

  /** Append raw bytes. */
  update(bytes: Uint8Array): this {
    let i = 0;
    this.total += bytes.length;
    if (this.blockLen > 0) {
      const take = Math.min(64 - this.blockLen, bytes.length);
      this.block.set(bytes.subarray(0, take), this.blockLen);
      this.blockLen += take;
      i = take;
      if (this.blockLen < 64) return this;
      this.compress(this.block, 0);
      this.blockLen = 0;
    }
    for (; i + 64 <= bytes.length; i += 64) this.compress(bytes, i);
    // (compress reads through a DataView: big-endian words, no per-byte shifting)
    if (i < bytes.length) {
      this.block.set(bytes.subarray(i), 0);
      this.blockLen = bytes.length - i;
    }
    return this;
  }

  /** Append a string as UTF-8, preceded by its byte length so concatenations cannot collide. */
  string(s: string): this {
    const bytes = this.encoder.encode(s);
    this.u32(bytes.length);
    return this.update(bytes);
  }

  /** Append a 32-bit unsigned integer (big-endian). */
  u32(x: number): this {
    this.scratch.setUint32(0, x >>> 0);
    return this.update(new Uint8Array(this.scratch.buffer, 0, 4));
  }

  /** Append float64 values (big-endian). NaN is canonicalised; -0 becomes 0. */
  float64(values: ArrayLike<number>): this {
    const chunk = new DataView(new ArrayBuffer(8 * 1024));
    const bytes = new Uint8Array(chunk.buffer);
    for (let start = 0; start < values.length; start += 1024) {
      const end = Math.min(values.length, start + 1024);
      for (let i = start; i < end; i++) {
        const v = values[i];
        chunk.setFloat64((i - start) * 8, v !== v ? NaN : v === 0 ? 0 : v);
      }
      this.update(bytes.subarray(0, (end - start) * 8));
    }
    return this;
  }

  /** Finish and return the lowercase hex digest. The hasher must not be reused. */
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

  private compress(data: Uint8Array, off: number): void {
    const w = this.w;
    const view = new DataView(data.buffer, data.byteOffset + off, 64);
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (((w[i - 16] + s0) | 0) + ((w[i - 7] + s1) | 0)) | 0;
    }
    const h = this.h;
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
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
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
    h[5] = (h[5] + f) | 0;
    h[6] = (h[6] + g) | 0;
    h[7] = (h[7] + hh) | 0;
  }
}

/** SHA-256 of a string (UTF-8) as lowercase hex. */
export function sha256Hex(s: string): string {
  return new Sha256().update(new TextEncoder().encode(s)).hex();
}

/**
 * Canonical JSON: object keys sorted (code-unit order), no whitespace, -0 as 0.
 * Used for hashing so key order in the input files does not change the hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number") return JSON.stringify(Object.is(value, -0) ? 0 : value);
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}
