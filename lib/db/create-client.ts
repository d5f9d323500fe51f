import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client over node-postgres. The embedded database is served over the same wire
 * protocol (PGlite behind pglite-socket), so there is one driver path for both.
 */
export function createPrismaClient(connectionString: string, options?: { max?: number }): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options?.max ?? 10 });
  return new PrismaClient({ adapter });
}
