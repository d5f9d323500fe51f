import { describe, expect, it } from "vitest";
import { londonContext } from "./__fixtures__/london";
import { inspectFile, validateUpload } from "./index";
import { isNhsNumber, piiKindOfHeader, piiKindOfValue } from "./pii";

/*
 * Personal data: each kind is found by column name and by values, the column is dropped
 * before observations are built, and no value ever appears in a message or sample.
 */

const ctx = londonContext();
const WARDS = ["E05000026", "E05000027", "E05000028", "E05000029", "E05000030", "E05000031"];

function csvWith(header: string, values: string[]): Uint8Array {
  const lines = [`area_code,indicator_code,period,value,${header}`];
  values.forEach((v, k) => lines.push(`${WARDS[k % WARDS.length]},obese_reception_pct,${2011 + Math.floor(k / WARDS.length)},${10 + (k % 5)},"${v}"`));
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

const SECRETS: Record<string, string[]> = {
  email: ["jane.doe@example.org", "j.smith@council.gov.uk", "a.b@c.co.uk"],
  phone: ["07700 900123", "020 7946 0018", "+44 7700 900456"],
  ni: ["PE 45 67 89 B", "AB123456D", "JG 10 34 91 A"],
  nhs: ["943 476 5919", "9434765870", "401 023 2137"],
  postcode: ["RM10 7XS", "IG11 8PX", "SW1A 1AA"],
  address: ["12 Station Road", "4a High Street", "221 Baker Street"],
};

describe("personal-data detectors", () => {
  it("NHS numbers need a valid mod-11 check digit", () => {
    expect(isNhsNumber("9434765919")).toBe(true);
    expect(isNhsNumber("9434765918")).toBe(false);
    expect(isNhsNumber("943476591")).toBe(false);
  });

  it.each(Object.entries(SECRETS))("values: %s", (kind, values) => {
    for (const v of values) expect(piiKindOfValue(v), v).toBe(kind);
  });

  it("ordinary cells are not personal data", () => {
    for (const v of ["E05000026", "obese_reception_pct", "14.0078", "2013", "2014/15", "1,234", "#DIV/0!", "RM10", "E09000002", "per 1,000", "123456"]) expect(piiKindOfValue(v), v).toBeNull();
  });

  it.each([
    ["First name", "name"], ["Surname", "name"], ["Full Name", "name"], ["patient", "name"], ["Email address", "email"], ["E-mail", "email"],
    ["Mobile", "phone"], ["Telephone number", "phone"], ["NI number", "ni"], ["National Insurance No", "ni"], ["NHS Number", "nhs"],
    ["DOB", "dob"], ["Date of birth", "dob"], ["Address", "address"], ["Patient ID", "person-id"],
  ])("header %j → %s", (h, kind) => expect(piiKindOfHeader(h)).toBe(kind));

  it("descriptive headers are not personal", () => {
    for (const h of ["area_name", "Ward name", "Indicator name", "LA name", "value", "note", "Postcode district"]) expect(piiKindOfHeader(h), h).toBeNull();
  });
});

describe("personal data in uploads", () => {
  it.each(Object.entries(SECRETS).filter(([k]) => k !== "nhs"))("a column of %s (named innocently) is dropped and never echoed", async (kind, values) => {
    const all = Array.from({ length: 12 }, (_, k) => values[k % values.length]);
    const r = await validateUpload({ bytes: csvWith("info", all), filename: "p.csv", context: ctx });
    expect(r.refused).toBeUndefined();
    expect(r.droppedColumns).toEqual([{ column: "info", reason: expect.stringMatching(/^column 'info' looks like .* \(found in 12 rows\): dropped$/) }]);
    const text = JSON.stringify(r);
    for (const v of values) expect(text).not.toContain(v);
    expect(r.ok).toBe(true);
    expect(r.observations).toHaveLength(12);
    void kind;
  });

  it("NHS numbers make the file person-level: refused, and the numbers are not echoed", async () => {
    const all = Array.from({ length: 12 }, (_, k) => SECRETS.nhs[k % 3]);
    const r = await validateUpload({ bytes: csvWith("ref", all), filename: "p.csv", context: ctx });
    expect(r.refused?.code).toBe("PERSON_LEVEL_DATA");
    expect(r.refused?.message).toMatch(/This looks like person-level data .*only aggregates are accepted/i);
    for (const v of SECRETS.nhs) expect(JSON.stringify(r)).not.toContain(v);
  });

  it("name columns are dropped by name; their values never reach observations or issues", async () => {
    const r = await validateUpload({ bytes: csvWith("Full name", Array.from({ length: 6 }, () => "Zebedee Quarmby")), filename: "p.csv", context: ctx });
    expect(r.droppedColumns[0].column).toBe("Full name");
    expect(JSON.stringify(r)).not.toContain("Quarmby");
  });

  it("dates in a column called birth… are dates of birth", async () => {
    const r = await validateUpload({ bytes: csvWith("birthday_recorded", Array.from({ length: 6 }, () => "03/04/1975")), filename: "p.csv", context: ctx });
    expect(r.droppedColumns[0].reason).toMatch(/dates of birth/);
    expect(JSON.stringify(r)).not.toContain("1975");
  });

  it("a personal value in a code column is not quoted in its error message", async () => {
    const bytes = new TextEncoder().encode("area_code,indicator_code,period,value\njane.doe@example.org,obese_reception_pct,2013,12\nE05000026,obese_reception_pct,2013,13\nE05000027,obese_reception_pct,2013,13\nE05000028,obese_reception_pct,2013,13\nE05000029,obese_reception_pct,2013,13\nE05000030,obese_reception_pct,2013,13\n");
    const r = await validateUpload({ bytes, filename: "p.csv", context: ctx });
    expect(JSON.stringify(r)).not.toContain("jane.doe");
    expect(r.ok).toBe(false);
  });

  it("a value column full of phone numbers is dropped, so nothing loads and no number is echoed", async () => {
    const bytes = new TextEncoder().encode(["area_code,indicator_code,period,value", ...WARDS.map((w, k) => `${w},obese_reception_pct,2013,0770090012${k}`)].join("\n"));
    const r = await validateUpload({ bytes, filename: "p.csv", context: ctx });
    expect(r.ok).toBe(false);
    expect(r.observations).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/0770090012/);
  });

  it("inspectFile blanks personal columns and cells in its samples", async () => {
    const r = await inspectFile(csvWith("Email", ["jane.doe@example.org"]), "p.csv");
    expect(r.ok && r.sampleRows[0][4]).toBe("(personal data: not shown)");
    expect(JSON.stringify(r)).not.toContain("jane.doe");
  });
});
