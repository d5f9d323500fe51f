import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export { createPrismaClient } from "./create-client";
import { createPrismaClient } from "./create-client";

// Created on first use, never at import: `next build` imports server modules while it
// collects page data, and must not open a connection.
const g = globalThis as unknown as { __localSpiPrisma?: PrismaClient };

function real(): PrismaClient {
  if (!g.__localSpiPrisma) {
    const url = getEnv().DATABASE_URL;
    if (!url) {
      throw new AppError(
        "CONFIG",
        "No database: start the portal with `npm start` (which runs the embedded database) or set DATABASE_URL.",
      );
    }
    g.__localSpiPrisma = createPrismaClient(url);
  }
  return g.__localSpiPrisma;
}

/**
 * The raw Prisma client. Feature code must not use it for tenant data: it gets a
 * council-scoped client from `requireCouncil()` instead (lib/auth/require-council.ts).
 * Only platform-level code (auth, the operator console, the audit writer) imports this.
 */
export const prisma = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    const c = real();
    const v = Reflect.get(c, prop);
    return typeof v === "function" ? v.bind(c) : v;
  },
});

export type { PrismaClient };
export { PrismaPg };
