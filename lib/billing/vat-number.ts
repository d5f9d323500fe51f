/**
 * UK VAT registration numbers: "GB" (optional) then 9 digits (standard), 12 digits (branch
 * traders: the 9-digit number plus a 3-digit branch), or GD/HA + 3 digits (government
 * departments, health authorities). Spaces are ignored. Nine-digit numbers must pass HMRC's
 * mod-97 check (the old "97" or the newer "97-55" variant).
 */

/** Normalise for storage: upper case, no spaces, with the GB prefix: "GB980780684". */
export function normaliseVatNumber(input: string): string {
  const t = input.replace(/[\s.-]/g, "").toUpperCase();
  return t.startsWith("GB") || t.startsWith("XI") ? t : `GB${t}`;
}

function checksumOk(nine: string): boolean {
  const d = nine.split("").map(Number);
  const weighted = d.slice(0, 7).reduce((s, x, i) => s + x * (8 - i), 0);
  const check = d[7] * 10 + d[8];
  return (weighted + check) % 97 === 0 || (weighted + check + 55) % 97 === 0;
}

/** True for a well-formed UK (GB, or Northern Ireland XI) VAT number with a valid check. */
export function isValidUkVatNumber(input: string): boolean {
  const n = normaliseVatNumber(input);
  const m = /^(GB|XI)(\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/.exec(n);
  if (!m) return false;
  const body = m[2];
  if (/^\d/.test(body)) return checksumOk(body.slice(0, 9));
  return true;
}
