import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";
import { createUser } from "@/tests/support/fixtures";
import { hashPassword } from "./password";
import { hashIp, SIGN_IN_LIMITS } from "./rate-limit";

/**
 * Password sign-in against the database: the right password works, a wrong one does not, and
 * failures are rate-limited per account and per client address without keeping raw addresses.
 */
const SECRET = `test-secret-${"x".repeat(32)}`;
let authenticate: typeof import("./credentials").authenticateWithPassword;
let prisma: PrismaClient;

beforeAll(async () => {
  // credentials.ts reads the database and secret through getEnv(), so set both before importing it.
  process.env.DATABASE_URL = await testDatabaseUrl();
  process.env.AUTH_SECRET = SECRET;
  (await import("@/lib/env")).resetEnvForTests();
  authenticate = (await import("./credentials")).authenticateWithPassword;
  prisma = (await import("@/lib/db/client")).prisma;
});

afterAll(async () => {
  await prisma?.$disconnect();
});

/** A client address no other test (or earlier run within the window) has used. */
const freshIp = () => `2001:db8::${uniqueId().slice(0, 4)}:${uniqueId().slice(0, 4)}`;
const PASSWORD = "correct horse battery staple";

async function userWithPassword() {
  return createUser(prisma, { passwordHash: await hashPassword(PASSWORD) });
}

describe("authenticateWithPassword", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const user = await userWithPassword();
    const ip = freshIp();
    expect(await authenticate({ email: user.email.toUpperCase(), password: PASSWORD }, ip)).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(await authenticate({ email: user.email, password: "wrong password" }, ip)).toBeNull();
    expect(await authenticate({ email: `nobody-${uniqueId()}@example.test`, password: PASSWORD }, ip)).toBeNull();
    expect(await authenticate({ email: "not an email", password: PASSWORD }, ip)).toBeNull();
  });

  it(`locks an account after ${SIGN_IN_LIMITS.perAccount} failures, but not other accounts from the same address`, async () => {
    const victim = await userWithPassword();
    const other = await userWithPassword();
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
      expect(await authenticate({ email: victim.email, password: `guess ${i}` }, ip)).toBeNull();
    }
    // one failure short of the limit, the right password still works
    expect(await authenticate({ email: victim.email, password: PASSWORD }, ip)).not.toBeNull();
    expect(await authenticate({ email: victim.email, password: "last guess" }, ip)).toBeNull();
    expect(await authenticate({ email: victim.email, password: PASSWORD }, ip)).toBeNull();
    expect(await authenticate({ email: victim.email, password: PASSWORD }, freshIp())).toBeNull();
    expect(await authenticate({ email: other.email, password: PASSWORD }, ip)).toMatchObject({ id: other.id });
  });

  it(`blocks an address after ${SIGN_IN_LIMITS.perIp} failed accounts`, async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      expect(await authenticate({ email: `spray-${i}-${uniqueId()}@example.test`, password: "Password1" }, ip)).toBeNull();
    }
    const user = await userWithPassword();
    expect(await authenticate({ email: user.email, password: PASSWORD }, ip)).toBeNull();
    // the account itself is fine from anywhere else
    expect(await authenticate({ email: user.email, password: PASSWORD }, freshIp())).toMatchObject({ id: user.id });
  });

  it("records attempts with a keyed hash of the address, never the address itself", async () => {
    const user = await userWithPassword();
    const ip = `203.0.113.${Math.floor(Math.random() * 254) + 1}-${uniqueId()}`;
    await authenticate({ email: user.email, password: PASSWORD }, ip);
    await authenticate({ email: user.email, password: "wrong password" }, ip);
    const rows = await prisma.signInAttempt.findMany({ where: { email: user.email }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.success)).toEqual([true, false]);
    for (const r of rows) {
      expect(r.ipHash).toBe(hashIp(ip, SECRET));
      expect(r.ipHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(ip);
    }
  });
});
