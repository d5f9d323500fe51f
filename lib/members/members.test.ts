import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRole } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { scopedClient } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";
import { createCouncil, createMember, createUser } from "@/tests/support/fixtures";
import { addMember, removeMember, updateMemberRoles } from "./members";

let prisma: PrismaClient;

beforeAll(async () => {
  prisma = createPrismaClient(await testDatabaseUrl(), { max: 4 });
});

afterAll(async () => {
  await prisma?.$disconnect();
});

type TCouncil = Awaited<ReturnType<typeof createCouncil>>;
type TUser = Awaited<ReturnType<typeof createUser>>;

/** The context requireCouncil would build, by hand, so the domain functions are tested without Next or Auth.js. */
function ctxFor(council: TCouncil, user: TUser, roles: TRole[], viaOperator = false) {
  return {
    user: { id: user.id, email: user.email, name: user.name, isOperator: user.isOperator, mustChangePassword: false },
    council: { id: council.id, slug: council.slug, name: council.name, laCode: council.laCode, boundaryVintage: council.boundaryVintage },
    roles,
    viaOperator,
    requestId: randomUUID(),
    db: scopedClient(prisma, council.id),
  };
}

async function councilWithAdmin(adminRoles: TRole[] = ["admin"]) {
  const council = await createCouncil(prisma, "members");
  const admin = await createMember(prisma, council.id, adminRoles);
  return { council, admin, ctx: ctxFor(council, admin.user, adminRoles) };
}

/** The AppError code a promise rejects with (or "resolved"), so a failure message says what happened. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
}

describe("addMember", () => {
  it("creates a new user with a temporary password they must change, and audits it", async () => {
    const { council, ctx } = await councilWithAdmin();
    const email = `New-${uniqueId()}@Example.test`;
    const out = await addMember(ctx, { email, name: "New Person", roles: ["officer"] });
    expect(out.email).toBe(email.toLowerCase());
    expect(out.temporaryPassword).toEqual(expect.any(String));
    const user = await prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(out.temporaryPassword!, user.passwordHash)).toBe(true);
    const m = await prisma.membership.findUniqueOrThrow({ where: { id: out.membershipId } });
    expect(m).toMatchObject({ councilId: council.id, userId: user.id, roles: ["officer"] });
    const audit = await prisma.auditEvent.findMany({ where: { councilId: council.id, action: "member.added" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: ctx.user.id, entityId: m.id, requestId: ctx.requestId, data: { newAccount: true } });
  });

  it("adds an existing user without a new password, and refuses to add them twice (CONFLICT)", async () => {
    const { council, ctx } = await councilWithAdmin();
    const existing = await createUser(prisma);
    const out = await addMember(ctx, { email: existing.email, roles: ["procurement"] });
    expect(out.temporaryPassword).toBeNull();
    expect(await codeOf(addMember(ctx, { email: existing.email.toUpperCase(), roles: ["officer"] }))).toBe("CONFLICT");
    expect(await prisma.membership.count({ where: { councilId: council.id, userId: existing.id } })).toBe(1);
  });

  it("writes the audit entry in the same transaction: a refused add leaves neither user nor audit behind", async () => {
    const { council, ctx } = await councilWithAdmin();
    const email = `rollback-${uniqueId()}@example.test`;
    const member = await createUser(prisma);
    await prisma.membership.create({ data: { councilId: council.id, userId: member.id, roles: ["officer"] } });
    expect(await codeOf(addMember(ctx, { email: member.email, roles: ["officer"] }))).toBe("CONFLICT");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { councilId: council.id } })).toBe(0);
  });

  it("refuses to grant a role the actor lacks (PRECONDITION); admin+reviewer and operators may", async () => {
    const { council, ctx } = await councilWithAdmin(["admin"]);
    const email = () => `grant-${uniqueId()}@example.test`;
    const lonelyEmail = email();
    expect(await codeOf(addMember(ctx, { email: lonelyEmail, roles: ["reviewer"] }))).toBe("PRECONDITION");
    expect(await prisma.user.count({ where: { email: lonelyEmail } })).toBe(0);

    const both = await createMember(prisma, council.id, ["admin", "reviewer"]);
    expect(await codeOf(addMember(ctxFor(council, both.user, ["admin", "reviewer"]), { email: email(), roles: ["reviewer"] }))).toBe("resolved");

    const operator = await createUser(prisma, { isOperator: true });
    expect(await codeOf(addMember(ctxFor(council, operator, [], true), { email: email(), roles: ["reviewer", "admin"] }))).toBe("resolved");
  });
});

describe("last administrator", () => {
  it("cannot be removed or demoted while alone, but can once there is a second admin", async () => {
    const { council, admin, ctx } = await councilWithAdmin();
    const id = admin.membership.id;
    expect(await codeOf(removeMember(ctx, { membershipId: id }))).toBe("PRECONDITION");
    expect(await codeOf(updateMemberRoles(ctx, { membershipId: id, roles: ["officer"] }))).toBe("PRECONDITION");
    expect((await prisma.membership.findUniqueOrThrow({ where: { id } })).roles).toEqual(["admin"]);

    await createMember(prisma, council.id, ["admin"]);
    expect(await codeOf(updateMemberRoles(ctx, { membershipId: id, roles: ["officer"] }))).toBe("resolved");
    expect((await prisma.membership.findUniqueOrThrow({ where: { id } })).roles).toEqual(["officer"]);
    expect(await prisma.auditEvent.count({ where: { councilId: council.id, action: "member.roles_changed" } })).toBe(1);
  });

  it("can be removed once another admin exists", async () => {
    const { council, admin, ctx } = await councilWithAdmin();
    await createMember(prisma, council.id, ["admin"]);
    expect(await codeOf(removeMember(ctx, { membershipId: admin.membership.id }))).toBe("resolved");
    expect(await prisma.membership.count({ where: { id: admin.membership.id } })).toBe(0);
  });

  // On real Postgres (CI) this fails without lockMemberships' FOR UPDATE: both transactions see
  // two admins and both demote (checked by removing the lock). The embedded PGlite serialises
  // transactions, so there it can only confirm the outcome, not provoke the race.
  it("survives two last admins demoting each other at once: exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      const { council, admin: x, ctx: ctxX } = await councilWithAdmin();
      const y = await createMember(prisma, council.id, ["admin"]);
      const ctxY = ctxFor(council, y.user, ["admin"]);
      const results = await Promise.allSettled([
        updateMemberRoles(ctxX, { membershipId: x.membership.id, roles: ["officer"] }),
        updateMemberRoles(ctxY, { membershipId: y.membership.id, roles: ["officer"] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((failed.reason as AppError).code).toBe("PRECONDITION");
      const admins = await prisma.membership.count({ where: { councilId: council.id, roles: { has: "admin" } } });
      expect(admins).toBe(1);
    }
  });

  it("cannot be removed through another council's context (NOT_FOUND)", async () => {
    const { admin } = await councilWithAdmin();
    const other = await councilWithAdmin();
    expect(await codeOf(removeMember(other.ctx, { membershipId: admin.membership.id }))).toBe("NOT_FOUND");
    expect(await prisma.membership.count({ where: { id: admin.membership.id } })).toBe(1);
  });
});
