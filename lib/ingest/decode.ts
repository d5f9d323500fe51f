/*
 * Byte-level sniffing of a text upload: encoding (UTF-8 with/without BOM, UTF-16 by
 * BOM, otherwise Windows-1252 when the bytes are not valid UTF-8 — what Excel's "CSV"
 * export writes on Windows) and the delimiter. Decoding is chunked so a 50 MB file
 * never exists as one string.
 */

export type TEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Is the whole buffer valid UTF-8? A byte loop: no string is built. */
export function isValidUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return false;
    for (let k = 1; k <= need; k++) if (i + k >= n || (b[i + k] & 0xc0) !== 0x80) return false;
    // overlongs and surrogates
    if (c === 0xe0 && b[i + 1] < 0xa0) return false;
    if (c === 0xed && b[i + 1] >= 0xa0) return false;
    if (c === 0xf0 && b[i + 1] < 0x90) return false;
    if (c === 0xf4 && b[i + 1] >= 0x90) return false;
    i += need + 1;
  }
  return true;
}

export function detectEncoding(b: Uint8Array): { encoding: TEncoding; bom: boolean } {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", bom: true };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", bom: true };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", bom: true };
  return { encoding: isValidUtf8(b) ? "utf-8" : "windows-1252", bom: false };
}

/** Does this look like binary rather than text (NUL bytes in the first 8 KB of a non-UTF-16 file)? */
export function looksBinary(b: Uint8Array, encoding: TEncoding): boolean {
  if (encoding.startsWith("utf-16")) return false;
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return true;
  return false;
}

export const CHUNK_BYTES = 1 << 20;

/** Decode in 1 MB slices (subarray: no copy of the bytes), calling `each` with text pieces. */
export function decodeChunks(b: Uint8Array, encoding: TEncoding, each: (text: string) => boolean | void): void {
  // TextDecoder strips a BOM itself (ignoreBOM false)
  const dec = new TextDecoder(encoding);
  for (let i = 0; i < b.length; i += CHUNK_BYTES) {
    const text = dec.decode(b.subarray(i, Math.min(b.length, i + CHUNK_BYTES)), { stream: true });
    if (text && each(text) === false) return;
  }
  const tail = dec.decode();
  if (tail) each(tail);
}

/** The first `maxChars` characters (for sniffing and samples). */
export function decodePrefix(b: Uint8Array, encoding: TEncoding, maxBytes = 65536): string {
  const text = new TextDecoder(encoding).decode(b.subarray(0, Math.min(b.length, maxBytes)), { stream: true });
  return text;
}

const CANDIDATES = [",", ";", "\t"] as const;

/**
 * Pick the delimiter among , ; tab: the one that splits the first lines into the same
 * number (> 1) of fields most consistently, ignoring quoted text. Ties go to comma.
 */
export function sniffDelimiter(prefix: string): string {
  const lines = prefix.replace(/"[^"]*"/g, '""').split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 20);
  if (lines.length > 1 && prefix.length >= 65536 - 4) lines.pop(); // may be cut mid-line
  let best: string = ",";
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length - 1);
    if (!counts.length || counts[0] === 0) continue;
    const same = counts.filter((c) => c === counts[0]).length;
    const score = same * 1000 + counts[0];
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}
