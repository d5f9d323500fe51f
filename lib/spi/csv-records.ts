/*
 * CSV records (RFC 4180: comma separator, double-quote quoting with "" escapes, CRLF
 * or LF) and plain decimal numbers: the general reading shared by the observations
 * and areas parsers. Pure: takes strings.
 */

/**
 * Parse one quoted-or-plain record starting at `pos`. Returns the fields and the
 * index after the record's line end, or null if the record is not complete in
 * `text` (and `final` is false).
 */
export function readRecord(text: string, pos: number, final: boolean): { fields: string[]; next: number; newlines: number } | null {
  const fields: string[] = [];
  let field = "";
  let i = pos;
  let newlines = 0;
  const n = text.length;
  for (;;) {
    if (i < n && text.charCodeAt(i) === 34) {
      // quoted field
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          if (!final) return null;
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) newlines++;
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return null;
        i = q + 1;
        break;
      }
      // characters between the closing quote and the separator are kept (lenient)
      while (i < n && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) field += text[i++];
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    fields.push(field);
    field = "";
    if (i >= n) {
      if (!final) return null;
      return { fields, next: n, newlines };
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    else if (i >= n && !final) return null;
    return { fields, next: i, newlines: newlines + 1 };
  }
}

/** All records of a small CSV text (used for the areas file). */
export function parseRecords(text: string): string[][] {
  const out: string[][] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    const rec = readRecord(text, pos, true)!;
    if (!(rec.fields.length === 1 && rec.fields[0].trim() === "")) out.push(rec.fields);
    pos = rec.next;
  }
  return out;
}

const NUMBER_RE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Parse a decimal number; null for empty/whitespace; NaN when not a plain decimal. */
export function parseNumber(s: string): number | null {
  if (s.trim() === "") return null;
  return NUMBER_RE.test(s) ? Number(s) : NaN;
}
