import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { scopedClient } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { openDataFixture } from "@/lib/publish/__fixtures__/open-data-input";
import {
  findPublicCouncils,
  findPublishedReleases,
  getPreviewRelease,
  getPublishedRelease,
} from "@/lib/publish/public-release";
import { findRunObservations } from "@/lib/publish/run-observations";
import { approveRelease } from "@/lib/releases/workflow";
import { PublicReleaseHeader } from "@/components/public/public-release-header";
import PublicReleasesPage from "@/app/(public)/p/[council]/releases/page";
import { GET as getScores } from "@/app/api/v1/councils/[council]/releases/[version]/scores/route";
import { GET as getReleases } from "@/app/api/v1/councils/[council]/releases/route";
import { GET as getCouncils } from "@/app/api/v1/councils/route";
import { GET as getDownload } from "@/app/(public)/p/[council]/releases/[version]/download/[file]/route";
import { testDatabaseUrl, uniqueId } from "../support/db";
import { createCouncil, createMember } from "../support/fixtures";

// the public pages rendered below import the member-preview path, which reaches Auth.js; the
// public has no session (and next-auth cannot load outside Next's bundler)
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

let prisma: PrismaClient;
let council: Awaited<ReturnType<typeof createCouncil>>;
let hidden: Awaited<ReturnType<typeof createCouncil>>;
const NOW = new Date();
const DAY = 86_400_000;
const EMBARGO = new Date(NOW.getTime() + 7 * DAY);
const fx = openDataFixture();

async function code(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

/** A release in the given state over a run of the fixture's result (no engine needed here). */
async function release(
  c: { id: string },
  version: number,
  state: string,
  opts: {
    publishAt?: Date | null;
    datasetIds?: string[];
    areas?: object[];
  } = {},
) {
  const editionId = (
    await prisma.frameworkEdition.findFirstOrThrow({
      where: { code: `tiny-${c.id}` },
    })
  ).id;
  const officer = await createMember(prisma, c.id, ["officer"]);
  const reviewer = await createMember(prisma, c.id, ["reviewer"]);
  const run = await prisma.scoreRun.create({
    data: {
      councilId: c.id,
      frameworkEditionId: editionId,
      periods: fx.result.periods,
      options: {},
      status: "succeeded",
      progress: 100,
      result: fx.result as never,
      datasetIds: opts.datasetIds ?? [],
      areas: opts.areas as never,
      startedById: officer.user.id,
      engineVersion: "test",
      inputHash: "0".repeat(64),
    },
  });
  const approved = state === "approved" || state === "superseded";
  return prisma.release.create({
    data: {
      councilId: c.id,
      version,
      scoreRunId: run.id,
      state: state as never,
      title: `Release ${version}`,
      createdById: officer.user.id,
      submittedById: state === "draft" ? null : officer.user.id,
      submittedAt: state === "draft" ? null : NOW,
      approvedById: approved ? reviewer.user.id : null,
      approvedAt: approved ? NOW : null,
      publishAt: approved
        ? opts.publishAt === undefined
          ? new Date(NOW.getTime() - DAY)
          : opts.publishAt
        : null,
    },
  });
}

async function setUpCouncil(label: string) {
  const c = await createCouncil(prisma, label);
  await prisma.frameworkEdition.create({
    data: {
      code: `tiny-${c.id}`,
      edition: "1",
      name: "Tiny framework",
      definition: fx.edition.definition as never,
      periodMin: 2000,
      periodMax: 2030,
    },
  });
  await prisma.area.createMany({
    data: fx.wards.map((w) => ({
      councilId: c.id,
      code: w.code,
      name: w.name,
      kind: "ward" as const,
      vintage: "2013",
      geometry: w.geometry as never,
    })),
  });
  return c;
}

async function dataset(c: { id: string }, value: number, createdAt: Date) {
  const editionId = (
    await prisma.frameworkEdition.findFirstOrThrow({
      where: { code: `tiny-${c.id}` },
    })
  ).id;
  const { user } = await createMember(prisma, c.id, ["officer"]);
  const upload = await prisma.upload.create({
    data: {
      councilId: c.id,
      frameworkEditionId: editionId,
      status: "loaded",
      format: "long",
      periods: [2015],
      createdById: user.id,
      expiresAt: NOW,
    },
  });
  const ds = await prisma.dataset.create({
    data: {
      councilId: c.id,
      uploadId: upload.id,
      frameworkEditionId: editionId,
      loadedById: user.id,
      filename: "x.csv",
      sizeBytes: 1,
      sha256: "0".repeat(64),
      periods: [2015],
      rowCount: 1,
      observationCount: 1,
      droppedColumns: [],
      createdAt,
    },
  });
  await prisma.observation.create({
    data: {
      councilId: c.id,
      datasetId: ds.id,
      areaCode: "E05000001",
      indicatorCode: "crime",
      period: 2015,
      value,
    },
  });
  return ds;
}

const req = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://test${path}`, { headers });

beforeAll(async () => {
  const url = await testDatabaseUrl();
  // lib/db/client (which the public resolver uses) reads DATABASE_URL through lib/env on first use
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");
  prisma = createPrismaClient(url, { max: 2 });
  council = await setUpCouncil("pub");
  const old = await dataset(council, 111, new Date(NOW.getTime() - 2 * DAY));
  await dataset(council, 999, new Date(NOW.getTime() - DAY)); // loaded after the run: must not show
  const r1 = await release(council, 1, "approved", { datasetIds: [old.id] });
  const r2 = await release(council, 2, "approved", { datasetIds: [old.id] });
  // the one change an approved release allows, as lib/releases/workflow.ts makes it
  await prisma.release.update({
    where: { id: r1.id },
    data: { state: "superseded", supersededById: r2.id },
  });
  await release(council, 3, "approved", { publishAt: EMBARGO });
  await release(council, 4, "submitted");
  await release(council, 5, "draft");
  await release(council, 6, "withdrawn");
  await release(council, 7, "changes_requested");
  await release(council, 8, "approved", { publishAt: null });
  hidden = await setUpCouncil("hidden");
  await release(hidden, 1, "submitted");
  await release(hidden, 2, "approved", { publishAt: EMBARGO });
}, 180_000);

describe("the public release resolver", () => {
  it("serves published releases, latest first, with their correction links", async () => {
    const latest = await getPublishedRelease(council.slug, "latest", NOW);
    expect(latest.release).toMatchObject({
      version: 2,
      supersedesVersion: 1,
      supersededByVersion: null,
      isLatest: true,
    });
    expect(
      (await getPublishedRelease(council.slug, 1, NOW)).release,
    ).toMatchObject({
      version: 1,
      state: "superseded",
      supersededByVersion: 2,
      isLatest: false,
    });
    expect(
      (await findPublishedReleases(council.slug, NOW)).releases.map(
        (r) => r.version,
      ),
    ).toEqual([2, 1]);
  });

  it.each([3, 4, 5, 6, 7, 8, 99])(
    "release %i (embargoed, submitted, draft, withdrawn, changes requested, no publish date, missing) is NOT_FOUND",
    async (v) => {
      expect(await code(getPublishedRelease(council.slug, v, NOW))).toBe(
        "NOT_FOUND",
      );
    },
  );

  it("a council with nothing public is invisible, exactly like one that does not exist", async () => {
    expect(await code(getPublishedRelease(hidden.slug, "latest", NOW))).toBe(
      "NOT_FOUND",
    );
    expect(await code(getPublishedRelease(hidden.slug, 2, NOW))).toBe(
      "NOT_FOUND",
    );
    expect(await code(findPublishedReleases(hidden.slug, NOW))).toBe(
      "NOT_FOUND",
    );
    expect(
      await code(getPublishedRelease(`nope-${uniqueId()}`, "latest", NOW)),
    ).toBe("NOT_FOUND");
    const slugs = (await findPublicCouncils(NOW)).map((c) => c.slug);
    expect(slugs).toContain(council.slug);
    expect(slugs).not.toContain(hidden.slug);
  });

  it("an embargoed release becomes public, and latest, when its moment passes", async () => {
    const later = new Date(EMBARGO.getTime() + 1000);
    expect(
      (await getPublishedRelease(council.slug, "latest", later)).release
        .version,
    ).toBe(3);
    expect(
      (await getPublishedRelease(council.slug, 3, later)).release.version,
    ).toBe(3);
  });

  it("members may preview an approved release under embargo, never one under review", async () => {
    const db = scopedClient(prisma, council.id);
    const p = await getPreviewRelease(db, council, 3, NOW);
    expect(p.release.version).toBe(3);
    expect(await code(getPreviewRelease(db, council, 4, NOW))).toBe(
      "NOT_FOUND",
    );
    expect(await code(getPreviewRelease(db, council, 5, NOW))).toBe(
      "NOT_FOUND",
    );
    // another council's scoped client cannot reach it
    expect(
      await code(
        getPreviewRelease(scopedClient(prisma, hidden.id), council, 3, NOW),
      ),
    ).toBe("NOT_FOUND");
  });

  it("weights wards by the populations the run used, not ones loaded since", async () => {
    const c = await setUpCouncil("frozenpop");
    const [w1, w2] = fx.wards;
    await release(c, 1, "approved", {
      areas: [
        {
          code: w1.code,
          name: w1.name,
          parent: null,
          population: 5000,
          peerValue: null,
        },
      ],
    });
    const areas = await prisma.area.findMany({
      where: { councilId: c.id, code: { in: [w1.code, w2.code] } },
    });
    for (const a of areas)
      await prisma.areaPopulation.create({
        data: {
          councilId: c.id,
          areaId: a.id,
          year: 2030,
          population: 9999,
          source: "loaded after the release",
        },
      });
    const pub = await getPublishedRelease(c.slug, 1, NOW);
    expect(pub.wards.find((w) => w.code === w1.code)?.population).toBe(5000);
    expect(
      pub.wards.find((w) => w.code === w2.code)?.population,
      "a ward the run had no population for",
    ).toBeNull();
    // a run from before runs recorded their wards falls back to the latest figures
    const old = await setUpCouncil("oldrun");
    await release(old, 1, "approved");
    const oa = await prisma.area.findFirstOrThrow({
      where: { councilId: old.id, code: w1.code },
    });
    await prisma.areaPopulation.create({
      data: {
        councilId: old.id,
        areaId: oa.id,
        year: 2030,
        population: 7777,
        source: "live",
      },
    });
    expect(
      (await getPublishedRelease(old.slug, 1, NOW)).wards.find(
        (w) => w.code === w1.code,
      )?.population,
    ).toBe(7777);
  });

  it("raw values come from the datasets the run used, not today's data", async () => {
    const obs = await findRunObservations(
      await getPublishedRelease(council.slug, 2, NOW),
    );
    expect(obs).toEqual([
      { area: "E05000001", indicator: "crime", period: 2015, value: 111 },
    ]);
  });
});

describe("the public API and downloads", () => {
  const scores = (
    slug: string,
    v: string,
    q = "",
    h: Record<string, string> = {},
  ) =>
    getScores(req(`/api/v1/councils/${slug}/releases/${v}/scores${q}`, h), {
      params: Promise.resolve({ council: slug, version: v }),
    });

  it("serves a published release with CORS, immutable caching, ETag and 304", async () => {
    const res = await scores(council.slug, "2", "?level=index&limit=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    const body = await res.json();
    expect(body.data).toHaveLength(1);
    expect(body.pagination).toMatchObject({ total: 4, limit: 1, returned: 1 });
    const again = await scores(council.slug, "2", "?level=index&limit=1", {
      "If-None-Match": res.headers.get("etag")!,
    });
    expect(again.status).toBe(304);
    expect(
      (await scores(council.slug, "latest")).headers.get("cache-control"),
    ).toBe("public, max-age=300");
  });

  it("a versioned answer holds only what never changes: the same bytes before and after its release is superseded", async () => {
    const c = await setUpCouncil("immutable");
    const r1 = await release(c, 1, "approved");
    const before = await scores(c.slug, "1", "?level=index");
    const body = await before.text();
    expect(JSON.parse(body).release).not.toHaveProperty("state");
    expect(JSON.parse(body).release).not.toHaveProperty("supersededByVersion");
    expect(JSON.parse(body).release.links.releases).toBe(
      `/api/v1/councils/${c.slug}/releases`,
    );
    const r2 = await release(c, 2, "approved");
    await prisma.release.update({
      where: { id: r1.id },
      data: { state: "superseded", supersededById: r2.id },
    });
    const after = await scores(c.slug, "1", "?level=index");
    expect(await after.text()).toBe(body);
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
    // the release list is where its new standing shows
    const list = await (
      await getReleases(req(`/api/v1/councils/${c.slug}/releases`), {
        params: Promise.resolve({ council: c.slug }),
      })
    ).json();
    expect(
      list.data.find((r: { version: number }) => r.version === 1),
    ).toMatchObject({ state: "superseded", supersededByVersion: 2 });
  });

  it.each(["3", "4", "5", "6", "7", "8"])(
    "release %s is a 404 problem in the API and the downloads",
    async (v) => {
      const res = await scores(council.slug, v);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(
        /application\/problem\+json/,
      );
      const dl = await getDownload(
        req(`/p/${council.slug}/releases/${v}/download/scores.csv`),
        {
          params: Promise.resolve({
            council: council.slug,
            version: v,
            file: "scores.csv",
          }),
        },
      );
      expect(dl.status).toBe(404);
    },
  );

  it("lists only what is public", async () => {
    const councils = await (await getCouncils(req("/api/v1/councils"))).json();
    expect(councils.data.map((c: { slug: string }) => c.slug)).not.toContain(
      hidden.slug,
    );
    const releases = await (
      await getReleases(req(`/api/v1/councils/${council.slug}/releases`), {
        params: Promise.resolve({ council: council.slug }),
      })
    ).json();
    expect(releases.data.map((r: { version: number }) => r.version)).toEqual([
      2, 1,
    ]);
    const none = await getReleases(
      req(`/api/v1/councils/${hidden.slug}/releases`),
      { params: Promise.resolve({ council: hidden.slug }) },
    );
    expect(none.status).toBe(404);
    expect((await scores(hidden.slug, "latest")).status).toBe(404);
  });

  it("a bad query is a 400 naming the parameter", async () => {
    const res = await scores(council.slug, "2", "?limit=5000");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, parameter: "limit" });
    expect(
      await (await scores(council.slug, "2", "?level=ward")).json(),
    ).toMatchObject({ parameter: "level" });
  });

  it("downloads a published file with a year's caching", async () => {
    const dl = await getDownload(
      req(`/p/${council.slug}/releases/2/download/indicator-values.csv`),
      {
        params: Promise.resolve({
          council: council.slug,
          version: "2",
          file: "indicator-values.csv",
        }),
      },
    );
    expect(dl.status).toBe(200);
    expect(dl.headers.get("cache-control")).toContain("immutable");
    expect(await dl.text()).toContain("E05000001,Abbey,crime,2015,111,");
  });
});

describe("a correction approved under embargo, as the public sees it", () => {
  afterEach(() => vi.useRealTimers());

  const listOf = async (slug: string) =>
    (
      await getReleases(req(`/api/v1/councils/${slug}/releases`), {
        params: Promise.resolve({ council: slug }),
      })
    ).json();
  const scoresOf = (slug: string, v: string) =>
    getScores(
      req(`/api/v1/councils/${slug}/releases/${v}/scores?level=index`),
      { params: Promise.resolve({ council: slug, version: v }) },
    );
  /** The public pages' markup: the release list, and the heading block of a release page. */
  async function pages(slug: string, version: number | "latest", now: Date) {
    const data = await getPublishedRelease(slug, version, now);
    const header = renderToStaticMarkup(
      createElement(PublicReleaseHeader, {
        page: { data, preview: false, base: `/p/${slug}`, addressed: version },
        section: "overview",
        heading: "Overview",
      }),
    );
    const list = renderToStaticMarkup(
      await PublicReleasesPage({ params: Promise.resolve({ council: slug }) }),
    );
    return { header, list };
  }

  it("release 1 stays latest and approved until release 2's embargo ends; then 2 is latest and 1 is superseded by it", async () => {
    const c = await setUpCouncil("embargoed-fix");
    const r1 = await release(c, 1, "approved");
    const r2 = await release(c, 2, "submitted");
    const reviewer = await createMember(prisma, c.id, ["reviewer"]);
    const embargo = new Date(Date.now() + 7 * DAY);
    await approveRelease(
      {
        user: {
          id: reviewer.user.id,
          email: reviewer.user.email,
          name: "Reviewer",
          isOperator: false,
          mustChangePassword: false,
        },
        council: c,
        roles: ["reviewer"],
        viaOperator: false,
        requestId: uniqueId(),
        db: scopedClient(prisma, c.id),
      },
      { releaseId: r2.id, lockVersion: r2.lockVersion, publishAt: embargo },
    );
    // the database records the supersession at approval (members see it) ...
    expect(
      await prisma.release.findUniqueOrThrow({ where: { id: r1.id } }),
    ).toMatchObject({ state: "superseded", supersededById: r2.id });
    const scoresBefore = await (await scoresOf(c.slug, "1")).text();

    // ... the public does not, until release 2 is out
    const now = new Date();
    const v1Latest = {
      version: 1,
      state: "approved",
      supersededByVersion: null,
      isLatest: true,
    };
    expect(
      (await getPublishedRelease(c.slug, "latest", now)).release,
    ).toMatchObject({ ...v1Latest, supersedesVersion: null });
    expect((await getPublishedRelease(c.slug, 1, now)).release).toMatchObject(
      v1Latest,
    );
    expect(await code(getPublishedRelease(c.slug, 2, now))).toBe("NOT_FOUND");
    expect((await findPublishedReleases(c.slug, now)).releases).toEqual([
      expect.objectContaining(v1Latest),
    ]);
    expect((await listOf(c.slug)).data).toEqual([
      expect.objectContaining(v1Latest),
    ]);
    const before = await pages(c.slug, "latest", now);
    expect(before.header).not.toContain('data-testid="corrected-notice"');
    expect(before.header).toContain("1: Release 1 (latest)");
    expect(before.list).toContain(">Latest<");
    expect(before.list).not.toMatch(/Corrected by|Release 2/);

    // the embargo moment passes
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(embargo.getTime() + 1000));
    const later = new Date();
    expect(
      (await getPublishedRelease(c.slug, "latest", later)).release,
    ).toMatchObject({
      version: 2,
      state: "approved",
      supersedesVersion: 1,
      supersededByVersion: null,
      isLatest: true,
    });
    expect((await getPublishedRelease(c.slug, 1, later)).release).toMatchObject(
      { state: "superseded", supersededByVersion: 2, isLatest: false },
    );
    const listAfter = await listOf(c.slug);
    expect(listAfter.data.map((r: { version: number }) => r.version)).toEqual([
      2, 1,
    ]);
    expect(listAfter.data[0]).toMatchObject({
      state: "approved",
      isLatest: true,
      supersededByVersion: null,
    });
    expect(listAfter.data[1]).toMatchObject({
      state: "superseded",
      isLatest: false,
      supersededByVersion: 2,
    });
    const after = await pages(c.slug, 1, later);
    expect(after.header).toContain('data-testid="corrected-notice"');
    expect(after.header).toContain(`href="/p/${c.slug}/releases/2"`);
    expect(after.list).toContain("Corrected by release 2");
    expect((await pages(c.slug, "latest", later)).header).toContain(
      'data-testid="supersedes-notice"',
    );
    // release 1's versioned answer, cached for ever, has not changed a byte
    expect(await (await scoresOf(c.slug, "1")).text()).toBe(scoresBefore);
  });
});
