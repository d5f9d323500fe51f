/*
 * Hand-built zip archives for refusal tests: entries are stored (not compressed), CRCs
 * are zero, and the central directory may claim any size — exactly what a crafted zip
 * bomb does. Only the refusal path reads these.
 */
export function buildZip(entries: Array<{ name: string; data?: Uint8Array; claimCompressed?: number; claimUncompressed?: number }>): Uint8Array {
  const enc = new TextEncoder();
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const name = enc.encode(e.name);
    const data = e.data ?? new Uint8Array(0);
    const offset = parts.length;
    u32(parts, 0x04034b50);
    u16(parts, 20); u16(parts, 0); u16(parts, 0); u16(parts, 0); u16(parts, 0);
    u32(parts, 0); u32(parts, data.length); u32(parts, data.length);
    u16(parts, name.length); u16(parts, 0);
    parts.push(...name, ...data);
    u32(central, 0x02014b50);
    u16(central, 20); u16(central, 20); u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0);
    u32(central, 0); u32(central, e.claimCompressed ?? data.length); u32(central, e.claimUncompressed ?? data.length);
    u16(central, name.length); u16(central, 0); u16(central, 0); u16(central, 0); u16(central, 0);
    u32(central, 0); u32(central, offset);
    central.push(...name);
  }
  const cdOffset = parts.length;
  const eocd: number[] = [];
  u32(eocd, 0x06054b50);
  u16(eocd, 0); u16(eocd, 0); u16(eocd, entries.length); u16(eocd, entries.length);
  u32(eocd, central.length); u32(eocd, cdOffset); u16(eocd, 0);
  return Uint8Array.from([...parts, ...central, ...eocd]);
}
