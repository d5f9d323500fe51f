import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/auth/permissions";
import { createPrismaClient } from "@/lib/db/create-client";
import { DEMO_COUNCILS } from "@/lib/db/demo";
import { scopedClient } from "@/lib/db/scoped";
import { seedDemo } from "@/lib/db/seed";
import { isAppError } from "@/lib/errors";
import { isPublished, type TReleaseState } from "@/lib/releases/state-machine";
import { commonPeriod, indicatorAggregate, METHOD_LABELS, scoreAggregate } from "@/lib/regions/aggregate";
import { createRegion, findRegionInvitations, giveRegionConsent, inviteCouncil, revokeRegionConsent } from "@/lib/regions/consent";
import { findRegion, findRegionMembers } from "@/lib/regions/members";
import { DEMO_REGION } from "@/lib/regions/seed";
import { testDatabaseUrl, uniqueId } from "../support/db";

let prisma: PrismaClient;
const councils: Record<string, { id: string; slug: string; name: string; laCode: string; boundaryVintage: string; adminId: string }> = {};
let operatorId: string;

function adminCtx(slug: string) {
  const c = councils[slug];
  return {
    user: { id: c.adminId, email: "admin@example.test", name: "Admin", isOperator: false, mustChangePassword: false },
    council: c,
    roles: ["admin"] as TRole[],
    viaOperator: false,
    db: scopedClient(prisma, c.id),
  };
}

async function memberSlugs(regionId: string) {
  return (await findRegionMembers(regionId, new Date())).members.map((m) => m.council.slug).sort();
}

beforeAll(async () => {
  const url = await testDatabaseUrl();
  process.env.DATABASE_URL = url; // lib/db/client's raw client (the public resolver) reads it through lib/env
  prisma = createPrismaClient(url, { max: 4 });
  await seedDemo(prisma, { withDemoUsers: true });
  for (const d of DEMO_COUNCILS) {
    const c = await prisma.council.findUniqueOrThrow({ where: { slug: d.slug } });
    const admin = await prisma.membership.findFirstOrThrow({ where: { councilId: c.id, roles: { has: "admin" } } });
    councils[d.slug] = { id: c.id, slug: c.slug, name: c.name, laCode: c.laCode, boundaryVintage: c.boundaryVintage, adminId: admin.userId };
  }
  operatorId = (await prisma.user.findFirstOrThrow({ where: { isOperator: true } })).id;
}, 600_000);

describe("regions", () => {
  it("the demo region has both demo councils, each with its latest PUBLISHED release only", async () => {
    const region = await findRegion(DEMO_REGION.slug);
    expect(region).not.toBeNull();
    const { members } = await findRegionMembers(region!.id, new Date());
    expect(members.map((m) => m.council.slug).sort()).toEqual(DEMO_COUNCILS.map((c) => c.slug).sort());
    for (const m of members) {
      const all = await prisma.release.findMany({ where: { councilId: councils[m.council.slug].id }, select: { version: true, state: true, publishAt: true } });
      const published = all.filter((r) => isPublished({ state: r.state as TReleaseState, publishAt: r.publishAt }, new Date()));
      expect(m.releaseVersion).toBe(Math.max(...published.map((r) => r.version)));
      expect(published.map((r) => r.version)).toContain(m.releaseVersion);
    }
    // LBBD's seed leaves a newer release awaiting review: it must not be the one used
    const lbbd = members.find((m) => m.council.slug === "barking-and-dagenham")!;
    const newest = await prisma.release.findFirstOrThrow({ where: { councilId: councils["barking-and-dagenham"].id }, orderBy: { version: "desc" } });
    expect(newest.state).not.toBe("approved");
    expect(lbbd.releaseVersion).toBeLessThan(newest.version);
  });

  it("consent given and revoked changes the members at once, and is audited", async () => {
    const slug = `test-${uniqueId().toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 40);
    const region = await createRegion({ id: operatorId }, null, { name: "Test region", slug, description: null });
    for (const c of DEMO_COUNCILS) await inviteCouncil({ id: operatorId }, null, { regionId: region.id, councilSlug: c.slug });
    expect(await memberSlugs(region.id)).toEqual([]); // invited is not consented

    await giveRegionConsent(adminCtx("havering"), null, region.id);
    expect(await memberSlugs(region.id)).toEqual(["havering"]);
    await giveRegionConsent(adminCtx("barking-and-dagenham"), null, region.id);
    expect(await memberSlugs(region.id)).toEqual(["barking-and-dagenham", "havering"]);

    await revokeRegionConsent(adminCtx("havering"), null, region.id);
    expect(await memberSlugs(region.id)).toEqual(["barking-and-dagenham"]);
    await giveRegionConsent(adminCtx("havering"), null, region.id);
    expect(await memberSlugs(region.id)).toEqual(["barking-and-dagenham", "havering"]);

    const row = await prisma.regionConsent.findFirstOrThrow({ where: { regionId: region.id, councilId: councils.havering.id } });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: row.id }, orderBy: { id: "asc" }, select: { action: true, councilId: true } });
    expect(audit.map((a) => a.action)).toEqual(["region.invited", "region.consent_given", "region.consent_revoked", "region.consent_given"]);
    expect(audit.every((a) => a.councilId === councils.havering.id)).toBe(true);
  });

  it("a council cannot see or answer another council's invitation (tenant isolation)", async () => {
    const slug = `iso-${uniqueId().toLowerCase().replace(/[^a-z0-9]/g, "")}`.slice(0, 40);
    const region = await createRegion({ id: operatorId }, null, { name: "Isolation region", slug, description: null });
    await inviteCouncil({ id: operatorId }, null, { regionId: region.id, councilSlug: "barking-and-dagenham" });
    const err = await giveRegionConsent(adminCtx("havering"), null, region.id).then(() => null, (e: unknown) => (isAppError(e) ? e.code : String(e)));
    expect(err).toBe("NOT_FOUND");
    expect((await findRegionInvitations(adminCtx("havering").db)).some((i) => i.regionId === region.id)).toBe(false);
    expect((await findRegionInvitations(adminCtx("barking-and-dagenham").db)).some((i) => i.regionId === region.id)).toBe(true);
    expect(await memberSlugs(region.id)).toEqual([]);
  });

  it("aggregates by both §6 methods, labelled; score aggregation is Σ P·S / Σ P over the published ward scores", async () => {
    const region = (await findRegion(DEMO_REGION.slug))!;
    const { members } = await findRegionMembers(region.id, new Date());
    const period = commonPeriod(members)!;
    expect(period).toBeGreaterThan(2000);
    const dims = members[0].release.edition.definition.dimensions.map((d) => d.code);
    const score = scoreAggregate(members, period, dims);
    let s = 0, w = 0;
    for (const m of members) {
      for (const ward of m.wards) {
        const row = m.scores.find((r) => r.area === ward.code && r.period === period)!;
        s += ward.population! * row.index!;
        w += ward.population!;
      }
    }
    expect(score.index).toBeCloseTo(s / w, 9);
    expect(score.wards).toBe(members.reduce((n, m) => n + m.wards.length, 0));
    expect(score.label).toBe(METHOD_LABELS.score);
    const ind = indicatorAggregate("region:test", members, period, dims);
    expect(ind.method).toBe("indicator");
    expect(ind.label).toBe(METHOD_LABELS.indicator);
    expect(ind.index).not.toBeNull();
    expect(ind.index!).toBeGreaterThan(0);
    expect(ind.index!).toBeLessThan(100);
    expect(ind.population).toBe(w);
  });
});
