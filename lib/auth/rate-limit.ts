import { createHash } from "node:crypto";

/** Failed sign-ins allowed per account, and per client address, in one window. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export function hashIp(ip: string, secret: string): string {
  return createHash("sha256").update(`${secret}:${ip}`).digest("hex");
}

/** The client address as the proxy in front of us reports it; "unknown" when absent. */
export function clientIp(headers: Headers): string {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim();
  return headers.get("x-real-ip") ?? "unknown";
}

/**
 * Whether another attempt is allowed, given the failures counted in the window. Pure, so the
 * rule is unit-tested apart from the database.
 */
export function isSignInAllowed(failures: { account: number; ip: number }): boolean {
  return failures.account < SIGN_IN_LIMITS.perAccount && failures.ip < SIGN_IN_LIMITS.perIp;
}
