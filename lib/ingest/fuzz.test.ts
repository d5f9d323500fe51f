import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "../spi/rng";
import { goodDir, londonContext } from "./__fixtures__/london";
import { inspectFile, validateUpload } from "./index";
import type { TValidationResult } from "./types";

/*
 * Property tests with a seeded generator: random bytes, truncations and byte flips of
 * good CSV and XLSX files never throw, and always give a result that is either loadable,
 * not loadable with errors listed, or refused.
 */

const ctx = londonContext({ period: 2013 });

function wellFormed(r: TValidationResult) {
  expect(typeof r.ok).toBe("boolean");
  if (r.refused) expect(r.ok).toBe(false);
  if (!r.ok && !r.refused) expect(r.issues.some((i) => i.severity === "error")).toBe(true);
  if (r.ok) expect(r.issues.every((i) => i.severity !== "error")).toBe(true);
  for (const i of r.issues) expect(i.code).toMatch(/^[A-Z0-9_]+$/);
}

describe("fuzz", () => {
  const rng = createRng(20240611);
  const int = (n: number) => rng.int(Math.max(1, n));

  it("random bytes never throw", async () => {
    for (let k = 0; k < 60; k++) {
      const bytes = new Uint8Array(int(3000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
      if (k % 3 === 0 && bytes.length > 4) bytes.set([0x50, 0x4b, 3, 4]); // pretend to be a zip
      wellFormed(await validateUpload({ bytes, filename: k % 2 ? "r.xlsx" : "r.csv", context: ctx }));
      await inspectFile(bytes, "r.csv");
    }
  });

  it("random printable text (quotes, delimiters, newlines) never throws", async () => {
    const alphabet = 'E050000267,;\t"\n\r .-=%/abcxyz#!N/A';
    for (let k = 0; k < 60; k++) {
      const s = Array.from({ length: int(2000) }, () => alphabet[int(alphabet.length)]).join("");
      wellFormed(await validateUpload({ bytes: new TextEncoder().encode(`area_code,indicator_code,period,value\n${s}`), filename: "t.csv", context: ctx }));
    }
  });

  it("truncated and corrupted good CSV files never throw", async () => {
    for (const f of ["long.csv", "long-windows-1252.csv", "long-messy.csv", "wide-2013.csv"]) {
      const good = readFileSync(path.join(goodDir, f));
      for (let k = 0; k < 15; k++) {
        const cut = good.subarray(0, int(good.length));
        wellFormed(await validateUpload({ bytes: cut, filename: f, context: ctx }));
        const flipped = Uint8Array.from(good);
        for (let j = 0; j < 5; j++) flipped[int(flipped.length)] = int(256);
        wellFormed(await validateUpload({ bytes: flipped, filename: f, context: ctx }));
      }
    }
  });

  it("truncated and corrupted XLSX files never throw", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRow(["area_code", "indicator_code", "period", "value"]);
    for (let i = 0; i < 17; i++) ws.addRow([`E050000${26 + i}`, "le_male", 2013, 70 + i]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    for (let k = 0; k < 25; k++) {
      wellFormed(await validateUpload({ bytes: good.subarray(0, int(good.length)), filename: "x.xlsx", context: ctx }));
      const flipped = Uint8Array.from(good);
      for (let j = 0; j < 3; j++) flipped[int(flipped.length)] = int(256);
      wellFormed(await validateUpload({ bytes: flipped, filename: "x.xlsx", context: ctx }));
    }
  });
});
