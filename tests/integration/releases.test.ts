import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { scopedClient } from "@/lib/db/scoped";
import { seedDemo } from "@/lib/db/seed";
import type { TRole } from "@/lib/auth/permissions";
import { executeScoreRun } from "@/lib/runs/execute";
import { ZRunOptions } from "@/lib/runs/options";
import {
  approveRelease,
  requestChanges,
  submitRelease,
  withdrawRelease,
} from "@/lib/releases/workflow";
import { isPublished } from "@/lib/releases/state-machine";
import { getReleaseForReview } from "@/lib/releases/queries";
import { ReleaseHeader } from "@/components/releases/release-header";
import {
  findPublishedReleases,
  getPublishedRelease,
} from "@/lib/publish/public-release";
import { isAppError } from "@/lib/errors";
import { testDatabaseUrl, uniqueId } from "../support/db";
import { createCouncil, createMember } from "../support/fixtures";

let prisma: PrismaClient;
let council: {
  id: string;
  slug: string;
  name: string;
  laCode: string;
  boundaryVintage: string;
};
let editionId: string;
const people: Record<string, { id: string; roles: TRole[] }> = {};

const LBBD_OBS =
  "data/frameworks/london-wards-2015/observations-lbbd-havering.csv";

function ctx(who: keyof typeof people) {
  const p = people[who];
  return {
    user: {
      id: p.id,
      email: `${who}@example.test`,
      name: who,
      isOperator: false,
      mustChangePassword: false,
    },
    council,
    roles: p.roles,
    viaOperator: false,
    requestId: uniqueId(),
    db: scopedClient(prisma, council.id),
  };
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    return { code: "DB", message: String((e as Error).message) };
  }
}

/** Queue and run a score run for 2012–2014 exactly as the app does (the worker's own function). */
async function runScores(periods = [2012, 2013, 2014]) {
  const run = await prisma.scoreRun.create({
    data: {
      councilId: council.id,
      frameworkEditionId: editionId,
      periods,
      options: ZRunOptions.parse({ uncertaintyDraws: 50 }),
      startedById: people.officer.id,
      datasetIds: [],
    },
  });
  expect(await executeScoreRun(prisma, run.id)).toBe(true);
  expect(
    await executeScoreRun(prisma, run.id),
    "a finished run cannot be claimed again",
  ).toBe(false);
  return prisma.scoreRun.findUniqueOrThrow({
    where: { id: run.id },
    include: { release: true },
  });
}

beforeAll(async () => {
  const url = await testDatabaseUrl();
  // lib/db/client (which the public resolver uses) reads DATABASE_URL through lib/env on first use
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");
  prisma = createPrismaClient(url, { max: 4 });
  await seedDemo(prisma, { withDemoUsers: false });
  editionId = (
    await prisma.frameworkEdition.findFirstOrThrow({
      where: { code: "london-wards-2015" },
    })
  ).id;
  council = await createCouncil(prisma, "releases");
  // the test council reports on Barking and Dagenham's 17 wards, with their real data
  const lines = readFileSync(LBBD_OBS, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(","));
  const lbbd = lines.filter(
    ([area]) => area >= "E05000026" && area <= "E05000042",
  );
  const codes = [...new Set(lbbd.map(([a]) => a))];
  await prisma.area.createMany({
    data: codes.map((code) => ({
      councilId: council.id,
      code,
      name: `Ward ${code}`,
      kind: "ward" as const,
      vintage: "2013",
    })),
  });
  for (const [k, roles] of Object.entries({
    officer: ["officer"],
    reviewer: ["reviewer"],
    reviewer2: ["reviewer"],
    loaderReviewer: ["reviewer", "officer"],
  }) as Array<[string, TRole[]]>) {
    const { user } = await createMember(prisma, council.id, roles);
    people[k] = { id: user.id, roles };
  }
  const upload = await prisma.upload.create({
    data: {
      councilId: council.id,
      frameworkEditionId: editionId,
      status: "loaded",
      format: "long",
      periods: [],
      createdById: people.officer.id,
      expiresAt: new Date(),
    },
  });
  const ds = await prisma.dataset.create({
    data: {
      councilId: council.id,
      uploadId: upload.id,
      frameworkEditionId: editionId,
      loadedById: people.loaderReviewer.id,
      filename: "lbbd.csv",
      sizeBytes: 1,
      sha256: "0".repeat(64),
      periods: [],
      rowCount: lbbd.length,
      observationCount: lbbd.length,
      droppedColumns: [],
    },
  });
  await prisma.observation.createMany({
    data: lbbd.map(([area, indicator, period, value]) => ({
      councilId: council.id,
      datasetId: ds.id,
      areaCode: area,
      indicatorCode: indicator,
      period: Number(period),
      value: value === "" ? null : Number(value),
    })),
  });
}, 180_000);

describe("score runs", () => {
  it("score the loaded data, record the datasets used and draft a release; re-running the same inputs gives identical results", async () => {
    const a = await runScores();
    expect(a.status).toBe("succeeded");
    expect(a.progress).toBe(100);
    expect(a.datasetIds).toHaveLength(1);
    expect(
      (a.areas as Array<{ code: string }>).map((w) => w.code).sort(),
      "the wards as the run saw them are kept with it",
    ).toHaveLength(17);
    expect(a.release?.state).toBe("draft");
    const result = a.result as {
      scores: Array<{ period: number; index: number | null }>;
    };
    expect(
      result.scores.filter((s) => s.period === 2014 && s.index !== null),
    ).toHaveLength(17);
    const b = await runScores();
    expect(b.inputHash).toBe(a.inputHash);
    expect(JSON.stringify(b.result)).toBe(JSON.stringify(a.result));
    expect(b.release!.version).toBe(a.release!.version + 1);
    await withdrawRelease(ctx("officer"), {
      releaseId: b.release!.id,
      lockVersion: 0,
    });
  });

  it("fail with a plain reason when there is no data for the years", async () => {
    const run = await prisma.scoreRun.create({
      data: {
        councilId: council.id,
        frameworkEditionId: editionId,
        periods: [1999],
        options: ZRunOptions.parse({}),
        startedById: people.officer.id,
        datasetIds: [],
      },
    });
    await executeScoreRun(prisma, run.id);
    const done = await prisma.scoreRun.findUniqueOrThrow({
      where: { id: run.id },
    });
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/No data has been loaded for 1997–1999/);
  });

  it("record which peer covariate chose the peer groups, and the review screen says so beside the other run facts", async () => {
    /** The review screen's "How these scores were made" list of a run's release, as text. */
    async function runFacts(version: number) {
      const data = await getReleaseForReview(
        scopedClient(prisma, council.id),
        version,
        council.boundaryVintage,
      );
      const html = renderToStaticMarkup(
        createElement(ReleaseHeader, {
          release: data.release,
          run: data.run,
          engineVersion: "",
          inputHash: "",
          scorecards: data.result.strengthsWeaknesses,
        }),
      );
      const list =
        /<dl class="govuk-summary-list" data-testid="run-details">(.*?)<\/dl>/.exec(
          html,
        )?.[1] ?? "";
      return [
        ...list.matchAll(
          /<dt class="govuk-summary-list__key">(.*?)<\/dt><dd class="govuk-summary-list__value">(.*?)<\/dd>/g,
        ),
      ].map((m) => [m[1], m[2]]);
    }
    /** The peer group size row and the one after it. */
    const peerRow = (rows: string[][]) => {
      const at = rows.findIndex(([k]) => k === "Peer group size");
      return rows.slice(at, at + 2);
    };

    // no ward has a peer value: nothing recorded, and no peer comparison (17 wards > 15 + 1)
    const without = await runScores();
    expect(without.options).not.toHaveProperty("peerCovariate");
    expect(peerRow(await runFacts(without.release!.version))).toEqual([
      ["Peer group size", "15"],
      [
        "Peer groups chosen by",
        "None – no peer comparison (no ward had a peer value)",
      ],
    ]);

    const label = "Modelled median household income, 2012/13 (£)";
    const wards = await prisma.area.findMany({
      where: { councilId: council.id, kind: "ward" },
      orderBy: { code: "asc" },
      select: { id: true },
    });
    await prisma.council.update({
      where: { id: council.id },
      data: {
        peerCovariateLabel: label,
        peerCovariateSource: "GLA ward atlas",
      },
    });
    for (const [i, w] of wards.entries())
      await prisma.area.update({
        where: { id: w.id },
        data: { peerValue: 20000 + 1000 * i },
      });
    try {
      const withPeers = await runScores();
      expect(withPeers.options).toMatchObject({ peerCovariate: label });
      // the description as it was when the run used it, not as it is now
      await prisma.council.update({
        where: { id: council.id },
        data: { peerCovariateLabel: "Something else since" },
      });
      expect(peerRow(await runFacts(withPeers.release!.version))).toEqual([
        ["Peer group size", "15"],
        [
          "Peer groups chosen by",
          "Modelled median household income, 2012/13 (£)",
        ],
      ]);
    } finally {
      await prisma.area.updateMany({
        where: { councilId: council.id },
        data: { peerValue: null },
      });
      await prisma.council.update({
        where: { id: council.id },
        data: { peerCovariateLabel: null, peerCovariateSource: null },
      });
    }
  });
});

describe("release workflow", () => {
  it("four-eyes, in the service and in the database; changes requested and resubmitted; approval notifies", async () => {
    const run = await runScores();
    const r = run.release!;
    await submitRelease(ctx("officer"), {
      releaseId: r.id,
      lockVersion: 0,
      notes: "First cut",
    });
    const reviewers = await prisma.notification.findMany({
      where: { councilId: council.id, kind: "release.submitted" },
    });
    expect(new Set(reviewers.map((n) => n.userId))).toEqual(
      new Set([people.reviewer.id, people.reviewer2.id]),
    );

    expect(
      await errorOf(
        approveRelease(ctx("officer"), { releaseId: r.id, lockVersion: 1 }),
      ),
    ).toMatchObject({ code: "PRECONDITION" });
    expect(
      await errorOf(
        approveRelease(ctx("loaderReviewer"), {
          releaseId: r.id,
          lockVersion: 1,
        }),
      ),
    ).toMatchObject({
      code: "PRECONDITION",
      message: expect.stringMatching(/uploaded data/),
    });

    // the database refuses the same approvals even when the application is bypassed
    const raw = (approver: string) =>
      prisma.$executeRaw`UPDATE "Release" SET "state" = 'approved', "approvedById" = ${approver}, "approvedAt" = now() WHERE "id" = ${r.id}`;
    await expect(raw(people.officer.id)).rejects.toThrow(/Four-eyes|reviewer/);
    await expect(raw(people.loaderReviewer.id)).rejects.toThrow(
      /Four-eyes: the approver loaded data/,
    );

    await requestChanges(ctx("reviewer"), {
      releaseId: r.id,
      lockVersion: 1,
      reason: "Check Thames ward's crime rate",
    });
    expect(
      await prisma.releaseComment.count({ where: { releaseId: r.id } }),
    ).toBe(1);
    await submitRelease(ctx("officer"), { releaseId: r.id, lockVersion: 2 });
    const approved = await approveRelease(ctx("reviewer2"), {
      releaseId: r.id,
      lockVersion: 3,
    });
    expect(approved.state).toBe("approved");
    expect(
      await prisma.outboxEmail.count({
        where: { subject: { contains: `Release ${r.version} approved` } },
      }),
    ).toBeGreaterThan(0);
  });

  it("two reviewers approving at once: exactly one approval, the other is told it is already approved", async () => {
    const run = await runScores();
    await submitRelease(ctx("officer"), {
      releaseId: run.release!.id,
      lockVersion: 0,
    });
    const outcomes = await Promise.allSettled([
      approveRelease(ctx("reviewer"), {
        releaseId: run.release!.id,
        lockVersion: 1,
      }),
      approveRelease(ctx("reviewer2"), {
        releaseId: run.release!.id,
        lockVersion: 1,
      }),
    ]);
    const ok = outcomes.filter((o) => o.status === "fulfilled");
    const failed = outcomes.filter(
      (o): o is PromiseRejectedResult => o.status === "rejected",
    );
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(isAppError(failed[0].reason) && failed[0].reason.code).toBe(
      "CONFLICT",
    );
    expect(String(failed[0].reason.message)).toMatch(/already been approved/);
    const audits = await prisma.auditEvent.count({
      where: {
        councilId: council.id,
        action: "release.approved",
        entityId: run.release!.id,
      },
    });
    expect(audits).toBe(1);
  });

  it("approved releases and their scores are immutable; a newer approval supersedes the older one", async () => {
    const approvedBefore = await prisma.release.findMany({
      where: { councilId: council.id, state: "approved" },
    });
    expect(approvedBefore).toHaveLength(1);
    const old = approvedBefore[0];
    await expect(
      prisma.$executeRaw`UPDATE "Release" SET "title" = 'edited' WHERE "id" = ${old.id}`,
    ).rejects.toThrow(/immutable/);
    await expect(
      prisma.$executeRaw`DELETE FROM "Release" WHERE "id" = ${old.id}`,
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      prisma.$executeRaw`UPDATE "ScoreRun" SET "result" = '{}' WHERE "id" = ${old.scoreRunId}`,
    ).rejects.toThrow(/immutable/);
    await expect(
      prisma.scoreRun.delete({ where: { id: old.scoreRunId } }),
    ).rejects.toThrow();

    const run = await runScores();
    await submitRelease(ctx("officer"), {
      releaseId: run.release!.id,
      lockVersion: 0,
    });
    const future = new Date(Date.now() + 3_600_000);
    await approveRelease(ctx("reviewer"), {
      releaseId: run.release!.id,
      lockVersion: 1,
      publishAt: future,
    });
    const [older, newer] = await Promise.all([
      prisma.release.findUniqueOrThrow({ where: { id: old.id } }),
      prisma.release.findUniqueOrThrow({ where: { id: run.release!.id } }),
    ]);
    expect(older.state).toBe("superseded");
    expect(older.supersededById).toBe(newer.id);
    expect(older.title).toBe(old.title);
    // embargo: the new release is not public yet, the superseded one still is
    expect(
      isPublished(
        { state: newer.state, publishAt: newer.publishAt },
        new Date(),
      ),
    ).toBe(false);
    expect(
      isPublished(
        { state: newer.state, publishAt: newer.publishAt },
        new Date(future.getTime() + 1),
      ),
    ).toBe(true);
    expect(
      isPublished(
        { state: older.state, publishAt: older.publishAt },
        new Date(),
      ),
    ).toBe(true);
    // and to the public the older one is still the latest, approved and corrected by nothing, until
    // the moment the new one is published (tests/integration/publish.test.ts goes through that)
    expect(
      (await getPublishedRelease(council.slug, "latest", new Date())).release,
    ).toMatchObject({
      version: older.version,
      state: "approved",
      supersededByVersion: null,
      isLatest: true,
    });
    const listed = (await findPublishedReleases(council.slug, new Date()))
      .releases;
    expect(listed[0]).toMatchObject({
      version: older.version,
      state: "approved",
      supersededByVersion: null,
      isLatest: true,
    });
    expect(listed.map((r) => r.version)).not.toContain(newer.version);
    const after = new Date(future.getTime() + 1);
    expect(
      (await getPublishedRelease(council.slug, older.version, after)).release,
    ).toMatchObject({
      state: "superseded",
      supersededByVersion: newer.version,
      isLatest: false,
    });
  });
});
