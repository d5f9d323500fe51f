import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/auth/permissions";
import { uniqueId } from "./db";

/**
 * Rows for integration tests, each with a fresh random suffix so tests never depend on (or
 * collide with) another test's data in the shared database. Written through the raw client:
 * these are the test's own preconditions, not the code under test.
 */
export async function createCouncil(prisma: PrismaClient, label = "council") {
  const id = uniqueId();
  return prisma.council.create({
    data: { slug: `${label}-${id}`, name: `Test ${label} ${id}`, laCode: `T${id}`, boundaryVintage: "2013" },
  });
}

export async function createUser(prisma: PrismaClient, opts: { isOperator?: boolean; passwordHash?: string } = {}) {
  return prisma.user.create({
    data: { email: `user-${uniqueId()}@example.test`, name: "Test User", isOperator: opts.isOperator ?? false, passwordHash: opts.passwordHash ?? null },
  });
}

export async function createMember(prisma: PrismaClient, councilId: string, roles: TRole[]) {
  const user = await createUser(prisma);
  const membership = await prisma.membership.create({ data: { councilId, userId: user.id, roles } });
  return { user, membership };
}

export async function createArea(prisma: PrismaClient, councilId: string) {
  return prisma.area.create({ data: { councilId, code: `E05${uniqueId()}`, name: "Test Ward", kind: "ward", vintage: "2013" } });
}
