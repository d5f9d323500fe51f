import { inflateRawSync } from "node:zlib";

/*
 * A look at an XLSX (zip) container BEFORE any XML parser sees it: the central
 * directory says what is inside and how big it claims to be, which is enough to refuse
 * macro-enabled workbooks and zip bombs without inflating a byte.
 */

export interface TZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export type TZipDirectory = { ok: true; entries: TZipEntry[]; cdOffset: number } | { ok: false; reason: string };

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

/** Read the central directory (no zip64: a legitimate upload under the size limit never needs it). */
export function readZipDirectory(b: Uint8Array): TZipDirectory {
  const min = Math.max(0, b.length - 22 - 65535);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "the zip directory is missing (the file is truncated or not a workbook)" };
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: "zip64 workbooks are not supported" };
  if (cdOffset + cdSize > eocd) return { ok: false, reason: "the zip directory points outside the file" };
  const entries: TZipEntry[] = [];
  let p = cdOffset;
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return { ok: false, reason: "the zip directory is damaged" };
    const nameLen = u16(b, p + 28);
    const extra = u16(b, p + 30);
    const comment = u16(b, p + 32);
    const localOffset = u32(b, p + 42);
    if (p + 46 + nameLen > b.length || localOffset >= cdOffset) return { ok: false, reason: "the zip directory is damaged" };
    entries.push({ name: dec.decode(b.subarray(p + 46, p + 46 + nameLen)), method: u16(b, p + 10), compressedSize: u32(b, p + 20), uncompressedSize: u32(b, p + 24), localOffset });
    p += 46 + nameLen + extra + comment;
  }
  return { ok: true, entries, cdOffset };
}

export interface TZipVerdict {
  code: string;
  message: string;
}

/**
 * Refuse macro-enabled workbooks and zip bombs from the directory alone. A bomb is a
 * total uncompressed size over `maxUncompressed`, or an entry inflating more than 100×
 * (normal worksheets compress 5–30×; tiny entries are exempt, as their ratio means nothing).
 */
export function checkZip(entries: TZipEntry[], filename: string, maxUncompressed: number): TZipVerdict | null {
  if (/\.xlsm$|\.xltm$|\.xlam$/i.test(filename) || entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)))
    return { code: "FILE_MACRO_ENABLED", message: "This workbook contains macros (VBA). Macro-enabled workbooks are not accepted: save it as a plain .xlsx workbook or as CSV and upload again." };
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > 1 << 20 && e.uncompressedSize > 100 * Math.max(1, e.compressedSize))
      return { code: "FILE_ZIP_BOMB", message: `This workbook expands more than 100-fold (${e.name} claims ${e.uncompressedSize} bytes from ${e.compressedSize}). It is refused as a possible zip bomb; save it as CSV and upload again.` };
  }
  if (total > maxUncompressed) return { code: "FILE_ZIP_BOMB", message: `This workbook would expand to ${Math.round(total / 1e6)} MB (limit ${Math.round(maxUncompressed / 1e6)} MB). It is refused as a possible zip bomb; save it as CSV and upload again.` };
  if (!entries.some((e) => e.name === "xl/workbook.xml")) return { code: "FILE_NOT_XLSX", message: "This zip file is not an Excel workbook (no xl/workbook.xml). Upload a .xlsx workbook or a CSV file." };
  return null;
}

/** An entry's compressed bytes (a view, no copy), or null when the local record is damaged or overruns. */
export function entryData(b: Uint8Array, e: TZipEntry, cdOffset: number): Uint8Array | null {
  const p = e.localOffset;
  if (p + 30 > cdOffset || u32(b, p) !== 0x04034b50) return null;
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressedSize > cdOffset) return null;
  if (e.method !== 0 && e.method !== 8) return null;
  return b.subarray(start, start + e.compressedSize);
}

/** A clean local file header for an entry (flags 0, sizes from the central directory, CRC 0: the reader does not check it). */
export function localHeader(e: TZipEntry): Buffer {
  const name = Buffer.from(e.name, "utf8");
  const h = Buffer.alloc(30 + name.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.uncompressedSize, 22);
  h.writeUInt16LE(name.length, 26);
  name.copy(h, 30);
  return h;
}

/** Inflate one small entry (workbook.xml, rels) to text; null when unreadable. Size-capped by the caller. */
export function readEntryText(b: Uint8Array, e: TZipEntry): string | null {
  try {
    const data = entryData(b, e, b.length);
    if (!data) return null;
    const raw = e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1024, e.uncompressedSize) });
    return raw ? new TextDecoder().decode(raw) : null;
  } catch {
    return null;
  }
}
