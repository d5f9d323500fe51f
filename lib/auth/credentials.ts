import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { verifyPassword } from "./password";
import { SIGN_IN_LIMITS, hashIp, isSignInAllowed } from "./rate-limit";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(256) });

/**
 * Check an email and password, rate-limited per account and per client address. Returns the
 * user or null; callers show one generic message whatever the reason, so the response says
 * nothing about which accounts exist.
 */
export async function authenticateWithPassword(raw: unknown, ip: string) {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ipHash = hashIp(ip, getEnv().AUTH_SECRET);
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const [account, byIp] = await Promise.all([
    prisma.signInAttempt.count({ where: { email, success: false, at: { gte: since } } }),
    prisma.signInAttempt.count({ where: { ipHash, success: false, at: { gte: since } } }),
  ]);
  if (!isSignInAllowed({ account, ip: byIp })) {
    await prisma.signInAttempt.create({ data: { email, ipHash, success: false } });
    return null;
  }
  const user = await prisma.user.findUnique({ where: { email } });
  // Verify against a dummy hash when there is no such user, so timing does not tell.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  await prisma.signInAttempt.create({ data: { email, ipHash, success: ok && !!user } });
  if (!ok || !user) return null;
  return { id: user.id, email: user.email, name: user.name };
}

// hashPassword("not-a-real-password") with the production parameters
const DUMMY_HASH =
  "scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$0y3kL8Qh3m6oJ3wJpW0kq8zR0mX6Y2b1t0b1yq3Jx1Q=";
