/*
 * Chunked CSV record reader (RFC 4180 with a chosen delimiter). Text is pushed in
 * pieces as the bytes are decoded, so the file is never one big string. Lines without
 * a quote take a fast path (slice + split), the common case for exported tables.
 */

export type TRecordHandler = (fields: string[], row: number) => boolean | void;

/**
 * Create a reader: push(text) any number of times, then end(). The handler gets each
 * record and its first physical line (1-based); returning false stops reading.
 */
export function createCsvReader(delimiter: string, onRecord: TRecordHandler) {
  const D = delimiter.charCodeAt(0);
  let carry = "";
  let line = 0;
  let stopped = false;

  /** Read one quoted-or-plain record at pos; null when incomplete and not final. */
  const readQuoted = (text: string, pos: number, final: boolean): { fields: string[]; next: number; lines: number } | null => {
    const fields: string[] = [];
    let i = pos;
    let lines = 0;
    const n = text.length;
    for (;;) {
      let field = "";
      if (i < n && text.charCodeAt(i) === 34) {
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
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) lines++;
          if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return null;
          i = q + 1;
          break;
        }
        // lenient: text after the closing quote belongs to the field
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === D || c === 10 || c === 13) break;
          field += text[i++];
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === D || c === 10 || c === 13) break;
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      if (i >= n) return final ? { fields, next: n, lines } : null;
      const c = text.charCodeAt(i);
      if (c === D) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (i < n && text.charCodeAt(i) === 10) i++;
      else if (i >= n && !final) return null;
      return { fields, next: i, lines: lines + 1 };
    }
  };

  const consume = (final: boolean) => {
    const buf = carry;
    const len = buf.length;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    while (pos < len && !stopped) {
      let nl = buf.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) break;
        nl = len;
      }
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      if (nextQuote >= 0 && nextQuote < nl) {
        const rec = readQuoted(buf, pos, final);
        if (!rec) break;
        const row = line + 1;
        line += Math.max(1, rec.lines);
        pos = rec.next;
        if (onRecord(rec.fields, row) === false) stopped = true;
        continue;
      }
      const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      line++;
      const text = buf.slice(pos, end);
      pos = nl + 1;
      if (onRecord(text.split(delimiter), line) === false) stopped = true;
    }
    carry = pos >= len || stopped ? "" : buf.slice(pos);
  };

  return {
    push(chunk: string) {
      if (stopped) return;
      carry = carry.length ? carry + chunk : chunk;
      consume(false);
    },
    end() {
      if (!stopped) consume(true);
    },
    get stopped() {
      return stopped;
    },
  };
}
