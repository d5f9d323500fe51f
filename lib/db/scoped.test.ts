import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";
import { createArea, createCouncil, createMember } from "@/tests/support/fixtures";
import { createPrismaClient } from "./create-client";
import { scopedClient, type TScopedClient } from "./scoped";

/** Rule 1: tenant isolation is structural. Council A's scoped client never sees or changes council B's rows. */
describe("scopedClient", () => {
  let prisma: PrismaClient;
  let db: TScopedClient;
  let a: { id: string };
  let b: { id: string };
  let areaA: { id: string };
  let areaB: { id: string; name: string };
  let memberA: { id: string };
  let userB: { id: string; email: string };

  beforeAll(async () => {
    prisma = createPrismaClient(await testDatabaseUrl(), { max: 3 });
    a = await createCouncil(prisma, "scoped-a");
    b = await createCouncil(prisma, "scoped-b");
    areaA = await createArea(prisma, a.id);
    areaB = await createArea(prisma, b.id);
    memberA = (await createMember(prisma, a.id, ["officer"])).membership;
    const mb = await createMember(prisma, b.id, ["admin"]);
    userB = mb.user;
    db = scopedClient(prisma, a.id);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
  });

  // The client's types demand councilId; these casts model feature code that leaves it out.
  const newArea = () => ({ code: `E05${uniqueId()}`, name: "New Ward", kind: "ward", vintage: "2013" }) as unknown as Prisma.AreaUncheckedCreateInput;

  it("adds councilId to reads", async () => {
    expect((await db.area.findMany()).map((x) => x.id)).toEqual([areaA.id]);
    expect((await db.membership.findMany()).map((x) => x.id)).toEqual([memberA.id]);
    expect(await db.area.count()).toBe(1);
    expect(await db.area.findUnique({ where: { id: areaB.id } })).toBeNull();
    expect(await db.area.findFirst({ where: { name: areaB.name, id: areaB.id } })).toBeNull();
    expect(await db.membership.findFirst({ where: { userId: userB.id } })).toBeNull();
    expect(await db.area.findUnique({ where: { id: areaA.id } })).not.toBeNull();
  });

  it("fills councilId in on create", async () => {
    const created = await db.area.create({ data: newArea() });
    expect(created.councilId).toBe(a.id);
    const many = await db.area.createManyAndReturn({ data: [newArea(), newArea()] });
    expect(many.map((x) => x.councilId)).toEqual([a.id, a.id]);
  });

  it("refuses a create or a where that names another council", async () => {
    await expect(db.area.create({ data: { ...newArea(), councilId: b.id } })).rejects.toThrow(/another council/);
    await expect(db.area.createMany({ data: [newArea(), { ...newArea(), councilId: b.id }] })).rejects.toThrow(/another council/);
    await expect(db.area.findMany({ where: { councilId: b.id } })).rejects.toThrow(/another council/);
    await expect(db.membership.count({ where: { councilId: b.id } })).rejects.toThrow(/another council/);
    await expect(db.area.updateMany({ where: { id: areaA.id }, data: { councilId: b.id } })).rejects.toThrow(/another council/);
    expect(await prisma.area.count({ where: { councilId: b.id } })).toBe(1);
  });

  it("cannot update or delete another council's rows", async () => {
    expect(await db.area.updateMany({ where: { id: areaB.id }, data: { name: "Hijacked" } })).toEqual({ count: 0 });
    expect(await db.area.deleteMany({ where: { id: areaB.id } })).toEqual({ count: 0 });
    expect(await db.membership.deleteMany({})).toEqual({ count: 1 });
    await expect(db.area.update({ where: { id: areaB.id }, data: { name: "Hijacked" } })).rejects.toThrow();
    await expect(db.area.delete({ where: { id: areaB.id } })).rejects.toThrow();
    const after = await prisma.area.findUniqueOrThrow({ where: { id: areaB.id } });
    expect(after.name).toBe(areaB.name);
    expect(await prisma.membership.count({ where: { councilId: b.id } })).toBe(1);
  });

  it("refuses models that are neither tenant nor shared, and shared operations not allowed", async () => {
    await expect(db.council.findMany()).rejects.toThrow(/Council\.findMany is not available/);
    await expect(db.signInAttempt.count()).rejects.toThrow(/SignInAttempt\.count is not available/);
    await expect(db.user.update({ where: { id: userB.id }, data: { name: "x" } })).rejects.toThrow(/User\.update is not available/);
    await expect(db.user.delete({ where: { id: userB.id } })).rejects.toThrow(/not available/);
  });

  it("allows the shared user lookup (people are platform-wide)", async () => {
    expect(await db.user.findUnique({ where: { email: userB.email } })).toMatchObject({ id: userB.id });
  });

  it("stays scoped inside an interactive transaction", async () => {
    const ids = await db.$transaction(async (tx) => (await tx.area.findMany()).map((x) => x.councilId));
    expect(new Set(ids)).toEqual(new Set([a.id]));
  });
});
