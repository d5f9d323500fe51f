import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client over node-postgres. The embedded database is served over the same wire
 * protocol (PGlite behind pglite-socket), so there is one driver path for both.
 */
export function createPrismaClient(connectionString: string, options?: { max?: number }): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options?.max ?? 10 });
  // Generous transaction limits: loads of a few hundred thousand observations, on a busy
  // two-core machine or the embedded database, take longer than Prisma's 5 s default.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 120_000 } });
}
