/**
 * Money is integer pence everywhere (GBP). Nothing here uses floating-point amounts: rates are
 * basis points and every division rounds once, half away from zero, to a whole penny.
 */

/** UK standard-rate VAT, in basis points (20 % = 2000). */
export const VAT_RATE_BASIS_POINTS = 2000;

/** VAT as a display string, e.g. "20%". */
export const VAT_RATE_LABEL = `${VAT_RATE_BASIS_POINTS / 100}%`;

/**
 * Divide integers and round half away from zero: roundDiv(5, 2) = 3, roundDiv(-5, 2) = -3.
 * Exact for |numerator| < 2^53. The divisor must be positive.
 */
export function roundDiv(numerator: number, divisor: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(divisor) || divisor <= 0) {
    throw new RangeError(`roundDiv needs integers and a positive divisor, got ${numerator} / ${divisor}`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const q = Math.floor(abs / divisor);
  const r = abs - q * divisor;
  return sign * (2 * r >= divisor ? q + 1 : q);
}

/**
 * VAT on a net amount, in pence: net × 20 %, rounded half away from zero to a whole penny
 * (HMRC allows rounding to the nearest penny on the invoice total; Stripe rounds the same way
 * per invoice line). Negative nets (credits) give negative VAT symmetrically.
 */
export function vatOnPence(netPence: number, rateBasisPoints = VAT_RATE_BASIS_POINTS): number {
  return roundDiv(netPence * rateBasisPoints, 10_000);
}

/** Net, VAT and gross for a net amount in pence. gross = net + VAT exactly. */
export function withVat(netPence: number): { netPence: number; vatPence: number; totalPence: number } {
  const vatPence = vatOnPence(netPence);
  return { netPence, vatPence, totalPence: netPence + vatPence };
}

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const gbpWhole = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** "£1,234.56" from 123456 pence; whole pounds without pence when `whole` and the amount is round. */
export function formatPence(pence: number, opts: { whole?: boolean } = {}): string {
  if (opts.whole && pence % 100 === 0) return gbpWhole.format(pence / 100);
  return gbp.format(pence / 100);
}

/**
 * Parse a pounds amount typed by a person ("14,400", "£14,400.50", "14400.5") into pence.
 * Returns null when it is not a non-negative amount with at most two decimal places.
 */
export function parsePoundsToPence(text: string): number | null {
  const t = text.replace(/[£,\s]/g, "");
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}
