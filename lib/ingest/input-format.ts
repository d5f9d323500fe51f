/*
 * The published upload format, as data: the web page /docs/input-format renders it and
 * docs/formats/input-*.table-schema.json are checked against it (input-format.test.ts),
 * so the page, the schemas and the validator cannot drift apart.
 */

export interface TInputField {
  name: string;
  type: "string" | "integer" | "number";
  required: boolean;
  description: string;
  example: string;
}

export interface TInputFormat {
  long: TInputField[];
  wide: TInputField[];
  missingValues: string[];
  files: string[];
  limits: { maxBytes: number; maxRows: number };
  rules: string[];
}

/** What an upload must look like (long and wide layouts), for the docs page and the schemas. */
export const INPUT_FORMAT: TInputFormat = {
  long: [
    { name: "area_code", type: "string", required: true, description: "ONS code of one of the council's wards, for the boundaries in force in the period (e.g. E05000026).", example: "E05000026" },
    { name: "indicator_code", type: "string", required: true, description: "Code of an indicator of the framework edition (see the framework page).", example: "crime_rate" },
    { name: "period", type: "integer", required: true, description: "The year the period ends: 2015 for the financial year 2014/15 (\"2014/15\" is accepted and converted).", example: "2015" },
    { name: "value", type: "number", required: true, description: "The indicator's value in its unit (plain decimal, no % or thousands separators needed). Empty = missing.", example: "87.4" },
    { name: "numerator", type: "number", required: false, description: "Count behind a rate or percentage; checked against value (within 1 %).", example: "1204" },
    { name: "denominator", type: "number", required: false, description: "Population behind a rate or percentage.", example: "13800" },
    { name: "lower_ci", type: "number", required: false, description: "Lower confidence limit, in the value's unit; must not exceed value.", example: "80.1" },
    { name: "upper_ci", type: "number", required: false, description: "Upper confidence limit, in the value's unit; must not be below value.", example: "95.0" },
    { name: "note", type: "string", required: false, description: "Free text, stored as plain text (never as a formula).", example: "provisional" },
  ],
  wide: [
    { name: "area_code", type: "string", required: true, description: "ONS ward code, as in the long layout.", example: "E05000026" },
    { name: "<indicator code or name>", type: "number", required: true, description: "One column per indicator, headed by its code or name; the period is chosen when uploading (or given in a period column).", example: "87.4" },
    { name: "period", type: "integer", required: false, description: "Optional: the year, when not chosen in the upload form.", example: "2015" },
  ],
  missingValues: [""],
  files: ["CSV (UTF-8 with or without BOM; Windows-1252 is detected and converted; comma, semicolon or tab separated)", "XLSX (first sheet, or the sheet you choose; no macros, no password)"],
  limits: { maxBytes: 50 * 1024 * 1024, maxRows: 1_000_000 },
  rules: [
    "One row per ward, indicator and period; a repeated row with a different value is an error.",
    "Percentages are between 0 and 100; rates and counts are not negative.",
    "Excel errors (#DIV/0!, #N/A) and markers (n/a, -, .., x) are read as missing, with a warning.",
    "Columns of personal data (names, email, phone, National Insurance or NHS numbers, dates of birth, postcodes, addresses) are dropped; person-level files are refused.",
  ],
};
