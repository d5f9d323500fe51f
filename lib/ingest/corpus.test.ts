import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { badDir, londonContext } from "./__fixtures__/london";
import { validateUpload } from "./index";
import type { TIngestContext } from "./types";

/*
 * The bad-file corpus: every file under __fixtures__/bad has one row here with the
 * problem codes it must produce. The codes present must be exactly those expected,
 * plus the coverage infos any partial upload gets — so a rule that fires too often
 * fails as surely as one that does not fire.
 */

const ALLOWED_INFOS = new Set(["COVERAGE_SUMMARY", "COVERAGE_GAP", "COVERAGE_INDICATOR_ABSENT"]);

interface TCase {
  codes: string[];
  refused?: string;
  ok?: boolean;
  /** code → file rows that must carry it */
  rows?: Record<string, number[]>;
  /** text some issue of the code must contain in message or suggestion */
  says?: Record<string, RegExp>;
  ctx?: Partial<TIngestContext>;
}

const TABLE: Record<string, TCase> = {
  "missing-value-column.csv": { codes: ["MISSING_COLUMN"], says: { MISSING_COLUMN: /'value' is missing/ } },
  "missing-area-column.csv": { codes: ["MISSING_COLUMN"], says: { MISSING_COLUMN: /'area_code' is missing/ } },
  "area-code-typo.csv": { codes: ["AREA_UNKNOWN"], rows: { AREA_UNKNOWN: [5] }, says: { AREA_UNKNOWN: /Did you mean E05000029/ } },
  "ward-name-not-code.csv": { codes: ["AREA_NAME_NOT_CODE"], rows: { AREA_NAME_NOT_CODE: [2] }, says: { AREA_NAME_NOT_CODE: /E05000026/ } },
  "other-council-ward.csv": { codes: ["AREA_OTHER_COUNCIL"], says: { AREA_OTHER_COUNCIL: /E05000310 is a ward of London Borough of Havering .*not of London Borough of Barking and Dagenham/ } },
  "area-empty.csv": { codes: ["AREA_EMPTY"], rows: { AREA_EMPTY: [7] } },
  "indicator-code-typo.csv": { codes: ["INDICATOR_UNKNOWN"], says: { INDICATOR_UNKNOWN: /obese_reception_pct/ } },
  "indicator-name-not-code.csv": { codes: ["INDICATOR_NAME_NOT_CODE"], says: { INDICATOR_NAME_NOT_CODE: /le_male/ } },
  "indicator-not-in-framework.csv": { codes: ["INDICATOR_NOT_IN_FRAMEWORK"], ok: true },
  "period-out-of-range.csv": { codes: ["PERIOD_OUT_OF_RANGE"], says: { PERIOD_OUT_OF_RANGE: /1999 .*2001–2016/ } },
  "period-not-integer.csv": { codes: ["PERIOD_NOT_INTEGER"], rows: { PERIOD_NOT_INTEGER: [4] } },
  "period-invalid.csv": { codes: ["PERIOD_INVALID"] },
  "value-not-numeric.csv": { codes: ["VALUE_NOT_NUMERIC"], rows: { VALUE_NOT_NUMERIC: [6] }, says: { VALUE_NOT_NUMERIC: /"twelve"/ } },
  "value-excel-errors.csv": { codes: ["VALUE_EXCEL_ERROR"], ok: true, rows: { VALUE_EXCEL_ERROR: [6, 7] }, says: { VALUE_EXCEL_ERROR: /#DIV\/0!/ } },
  "value-missing-tokens.csv": { codes: ["VALUE_MISSING_TOKEN"], ok: true, rows: { VALUE_MISSING_TOKEN: [6, 7, 8] } },
  "value-suppressed.csv": { codes: ["VALUE_SUPPRESSED"], ok: true },
  "percent-out-of-range.csv": { codes: ["VALUE_OUT_OF_RANGE"], says: { VALUE_OUT_OF_RANGE: /140 is outside 0–100/ } },
  "negative-value.csv": { codes: ["VALUE_NEGATIVE"] },
  "percent-sign-wrong-unit.csv": { codes: ["VALUE_PERCENT_WRONG_UNIT"] },
  "duplicate-conflict.csv": { codes: ["DUPLICATE_CONFLICT"], rows: { DUPLICATE_CONFLICT: [53] }, says: { DUPLICATE_CONFLICT: /row 2/ } },
  "duplicate-same.csv": { codes: ["DUPLICATE_SAME"], ok: true },
  "ci-not-bracketing.csv": { codes: ["CI_NOT_BRACKETING"], rows: { CI_NOT_BRACKETING: [3] } },
  "ci-inverted.csv": { codes: ["CI_INVERTED"], rows: { CI_INVERTED: [3] } },
  "ratio-mismatch.csv": { codes: ["VALUE_RATIO_MISMATCH"], ok: true, rows: { VALUE_RATIO_MISMATCH: [2] } },
  "duplicate-header.csv": { codes: ["DUPLICATE_HEADER"] },
  "header-only.csv": { codes: ["NO_DATA_ROWS"] },
  "empty.csv": { codes: ["FILE_EMPTY"], refused: "FILE_EMPTY" },
  "blank-lines-only.csv": { codes: ["FILE_EMPTY"], refused: "FILE_EMPTY" },
  "outlier-ward.csv": { codes: ["OUTLIER_WARD"], ok: true, rows: { OUTLIER_WARD: [2] } },
  "outlier-change.csv": { codes: ["OUTLIER_CHANGE", "OUTLIER_WARD"], ok: true, says: { OUTLIER_CHANGE: /E05000028 obese_reception_pct changes from .* to 29\.9/ } },
  "row-field-count.csv": { codes: ["ROW_FIELD_COUNT"], ok: true, rows: { ROW_FIELD_COUNT: [5] } },
  "pii-email-column.csv": { codes: ["PII_COLUMN_DROPPED"], ok: true, says: { PII_COLUMN_DROPPED: /'contact'/ } },
  "person-level-rows.csv": { codes: ["PERSON_LEVEL_DATA"], refused: "PERSON_LEVEL_DATA" },
  "nhs-number-column.csv": { codes: ["PERSON_LEVEL_DATA"], refused: "PERSON_LEVEL_DATA" },
  "formula-injection.csv": { codes: ["AREA_UNKNOWN", "TEXT_FORMULA_LIKE"], rows: { AREA_UNKNOWN: [2], TEXT_FORMULA_LIKE: [3] } },
  "binary.csv": { codes: ["FILE_UNREADABLE"], refused: "FILE_UNREADABLE" },
  "wide-no-period.csv": { codes: ["WIDE_PERIOD_MISSING"] },
  "empty-rows.csv": { codes: ["ROW_EMPTY"], ok: true, rows: { ROW_EMPTY: [12] } },
  "unknown-column.csv": { codes: ["UNKNOWN_COLUMN"], ok: true },
  "dob-column.csv": { codes: ["PII_COLUMN_DROPPED"], ok: true, says: { PII_COLUMN_DROPPED: /dates of birth/ } },
  "postcode-values.csv": { codes: ["PII_COLUMN_DROPPED"], ok: true },
};

describe("bad-file corpus", () => {
  const files = readdirSync(badDir).filter((f) => f.endsWith(".csv"));

  it("has at least 30 files, each in the table (and the table names no missing file)", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.sort()).toEqual(Object.keys(TABLE).sort());
  });

  for (const [file, c] of Object.entries(TABLE)) {
    it(`${file} → ${c.codes.join(", ")}`, async () => {
      const bytes = readFileSync(path.join(badDir, file));
      const r = await validateUpload({ bytes, filename: file, context: londonContext(c.ctx) });
      const present = new Set(r.issues.map((i) => i.code));
      for (const code of c.codes) expect(present, `${code} missing`).toContain(code);
      expect([...present].filter((code) => !c.codes.includes(code) && !ALLOWED_INFOS.has(code)).sort()).toEqual([]);
      expect(r.refused?.code).toBe(c.refused);
      expect(r.ok).toBe(c.ok ?? false);
      for (const [code, rows] of Object.entries(c.rows ?? {})) expect(r.issues.filter((i) => i.code === code).map((i) => i.row)).toEqual(rows);
      for (const [code, re] of Object.entries(c.says ?? {})) {
        const texts = r.issues.filter((x) => x.code === code).map((i) => `${i.message} ${i.suggestion ?? ""}`);
        expect(texts.some((t) => re.test(t)), `${code}: ${texts[0]}`).toBe(true);
      }
      for (const i of r.issues) expect(i.message.length).toBeGreaterThan(5);
      if (!r.ok) expect(r.summary.errors).toBeGreaterThan(0);
    });
  }
});
