/*
 * Personal-data detection. A ward-level aggregate never needs names, contact details,
 * identifiers, dates of birth, full postcodes or street addresses, so columns that hold
 * them are dropped before anything is stored, and files that look person-level are
 * refused. Values found here are never echoed into a message.
 */

export type TPiiKind = "name" | "email" | "phone" | "ni" | "nhs" | "dob" | "postcode" | "address" | "person-id";

export const PII_LABEL: Record<TPiiKind, string> = {
  name: "people's names",
  email: "email addresses",
  phone: "UK phone numbers",
  ni: "National Insurance numbers",
  nhs: "NHS numbers",
  dob: "dates of birth",
  postcode: "full postcodes",
  address: "street addresses",
  "person-id": "a person identifier",
};

/** Kinds that make the whole file person-level (refused) rather than a droppable column. */
export const PERSON_LEVEL_KINDS: ReadonlySet<TPiiKind> = new Set(["nhs", "person-id"]);

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

const NAME_HEADERS = /^(name|names|full ?name|first ?names?|forenames?|given ?names?|surname|last ?name|family ?name|middle ?names?|patient|patient ?name|client ?name|person ?name|resident ?name|pupil ?name|child ?name|contact ?name|respondent ?name|maiden ?name)$/;
const HEADER_RULES: Array<[RegExp, TPiiKind]> = [
  [/\bnhs\b/, "nhs"],
  [/^(patient|person|client|pupil|resident|respondent|customer|service ?user|individual)( ?id| ?ref| ?reference| ?no| ?number| ?identifier)$|^(upn|uln|chi ?number|mrn)$/, "person-id"],
  [/e ?mail/, "email"],
  [/(^|\s)(phone|telephone|mobile|tel|landline)( no| number)?$|contact number/, "phone"],
  [/^(ni|nino|nin|national insurance)( ?no| ?number)?$/, "ni"],
  [/^(dob|d o b|date of birth|birth ?date|birthdate|birthday)$/, "dob"],
  [/^(address|addr|street|street address|home address|address line ?\d?|house number and street)$/, "address"],
];

/** Personal-data kind suggested by a column name alone, or null. */
export function piiKindOfHeader(header: string): TPiiKind | null {
  const h = norm(header);
  if (NAME_HEADERS.test(h)) return "name";
  for (const [re, kind] of HEADER_RULES) if (re.test(h)) return kind;
  return null;
}

/** Column names starting "birth" hold dates of birth when their values are dates. */
export const isBirthHeader = (header: string) => /^birth/.test(norm(header));

const EMAIL = /[^\s@,;<>"]+@[^\s@,;<>"]+\.[a-z]{2,}/i;
const NI = /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/i;
const POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i;
const ADDRESS = /^\d+[a-z]?,? +[a-z'\- ]*\b(road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|gardens|gdns|crescent|cres|court|ct|place|pl|grove|terrace|walk|hill|square|sq|mews|parade|row|park)\b/i;
const DATE = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})/;

/** NHS number: 10 digits whose mod-11 check digit is valid (NHS Data Dictionary). */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48;
}

/** UK phone: 0 or +44 then 9–10 digits, first digit 1, 2, 3, 7 or 8 (spaces, dashes, brackets allowed). */
function isUkPhone(s: string): boolean {
  const d = s.replace(/[\s\-().]/g, "");
  return /^(?:\+44|0044|0)[12378]\d{8,9}$/.test(d);
}

/**
 * The personal-data kind a single cell looks like, or null. Cheap rejections first:
 * most cells are codes and numbers, checked millions of times.
 */
export function piiKindOfValue(s: string): TPiiKind | null {
  const n = s.length;
  if (n < 5) return null;
  if (s.indexOf("@") >= 0) return EMAIL.test(s) ? "email" : null;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits >= 9) {
    const d = s.replace(/[\s-]/g, "");
    if (isNhsNumber(d)) return "nhs";
    if (isUkPhone(s)) return "phone";
  }
  if (digits === 6 && NI.test(s)) return "ni";
  if (digits >= 2 && n <= 8 && POSTCODE.test(s.trim())) return "postcode";
  if (digits >= 1 && n >= 8 && ADDRESS.test(s.trim())) return "address";
  return null;
}

/** Does this cell contain personal data anywhere in it (for free text such as notes)? */
export function containsPii(s: string): boolean {
  if (piiKindOfValue(s)) return true;
  if (s.length < 9) return false;
  return EMAIL.test(s) || NI.test(s) || /(?:\+44|\b0)[12378](?:[\s-]?\d){8,9}\b/.test(s) || /\b\d{3} ?\d{3} ?\d{4}\b/.test(s);
}

export const isDateLike = (s: string) => DATE.test(s.trim());

/** Per-column tally of personal-data-looking cells, decided after the whole table is read. */
export interface TPiiColumnTally {
  nonEmpty: number;
  hits: Partial<Record<TPiiKind, number>>;
  dates: number;
}

export const newTally = (): TPiiColumnTally => ({ nonEmpty: 0, hits: {}, dates: 0 });

export function tallyCell(t: TPiiColumnTally, s: string, birthColumn: boolean): TPiiKind | null {
  if (s === "") return null;
  t.nonEmpty++;
  if (birthColumn && isDateLike(s)) t.dates++;
  const k = piiKindOfValue(s);
  if (k) t.hits[k] = (t.hits[k] ?? 0) + 1;
  return k;
}

/**
 * Decide a column from its values: which kind it holds and in how many rows, or null.
 * `freeText`: not a code/number column, so a single email or NI number is enough;
 * postcodes must be most of the column (an outward code or the odd postcode in a note
 * is not personal); identifiers and contact details need a fifth of a numeric column,
 * so one mistyped value does not drop a value column.
 */
export function decideColumn(t: TPiiColumnTally, freeText: boolean, birthColumn: boolean): { kind: TPiiKind; rows: number } | null {
  if (t.nonEmpty === 0) return null;
  const share = (k: number) => k / t.nonEmpty;
  if (birthColumn && share(t.dates) >= 0.5) return { kind: "dob", rows: t.dates };
  const order: TPiiKind[] = ["nhs", "email", "ni", "phone", "address", "postcode"];
  for (const kind of order) {
    const k = t.hits[kind] ?? 0;
    if (k === 0) continue;
    if (kind === "postcode" ? share(k) >= 0.5 : freeText || share(k) >= 0.2) return { kind, rows: k };
  }
  return null;
}
