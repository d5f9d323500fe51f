import { describe, expect, it } from "vitest";
import { createObservationsCsvParser } from "./csv";
import { createRng } from "./rng";

/*
 * The byte fast path (csv-fast.ts) must read every line exactly as the general text
 * path does. A header with a quote sends the whole file down the text path, so the
 * same rows with and without that quote are compared.
 */
const rng = createRng(11);
const pick = <T>(xs: T[]) => xs[rng.int(xs.length)];
const values = ["1.5", "-0", "+.5e2", "00012.50", "1234567890123456789", "0.1e-30", "1e999", "", " 7 ", "abc", "5.", ".", "1e", "-1.5E+2", "0x10", "3", "99.1234"];
const periods = ["2019", "+2019", "-0", "20x9", "2019 ", "1234567", "2020"];
const areas = ["E05000026", " E1 ", "Ynys Môn", "Å", "W05\u00a0", "", "A,B".split(",")[0]];
const lines: string[] = [];
for (let k = 0; k < 400; k++) {
  const r = rng.next();
  if (r < 0.03) lines.push("");
  else if (r < 0.05) lines.push(`${pick(areas)},c0i0`);
  else lines.push(`${pick(areas)},${pick(["c0i0", "c0i1", " c0i2", "ind£"])},${pick(periods)},${pick(values)}${rng.next() < 0.2 ? ",note" : ""}`);
}
const body = lines.join("\n") + "\n";

function parse(text: string, how: "bytes" | "text", size: number) {
  const p = createObservationsCsvParser();
  if (how === "bytes") {
    const b = new TextEncoder().encode(text);
    for (let i = 0; i < b.length; i += size) p.pushBytes(b.subarray(i, i + size));
  } else for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
  const r = p.end();
  const c = r.columns;
  const rows = Array.from({ length: c.length }, (_, k) => [c.areaCodes[c.area[k]], c.indicatorCodes[c.indicator[k]], c.period[k], Object.is(c.value[k], -0) ? "-0" : c.value[k]]);
  return JSON.stringify({ problems: r.problems, rows: rows.map((x) => x.map((v) => (typeof v === "number" && Number.isNaN(v) ? "NaN" : v))) });
}

describe("observations CSV: byte fast path = general path", () => {
  const general = parse('"area_code",indicator_code,period,value,note\n' + body, "text", 1 << 20);
  it.each([
    ["bytes, one chunk", "bytes", 1 << 20],
    ["bytes, 7-byte chunks (splits UTF-8 characters)", "bytes", 7],
    ["text, 5-character chunks", "text", 5],
  ] as const)("%s", (_n, how, size) => {
    expect(parse("area_code,indicator_code,period,value,note\n" + body, how, size)).toBe(general);
  });

  it("CRLF, a BOM and a quoted field late in the file", () => {
    const crlf = "\uFEFFarea_code,indicator_code,period,value\r\n" + body.replace(/\n/g, "\r\n") + '"Q",c0i0,2020,1\r\nZ,c0i0,2020,2';
    const viaText = parse('"' + crlf.slice(1).replace(",", '",'), "text", 1 << 20);
    expect(JSON.parse(parse(crlf, "bytes", 13)).rows).toEqual(JSON.parse(viaText).rows);
  });
});
