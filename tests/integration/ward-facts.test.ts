import { randomBytes, randomInt } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TSessionUser } from "@/lib/auth/session";
import type { TRole } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { testDatabaseUrl } from "../support/db";
import { createCouncil, createMember } from "../support/fixtures";

/*
 * Ward populations and peer values from an areas file (lib/councils/ward-facts.ts), against a real
 * database: the row-numbered checks, apply in one transaction with its audit, what is replaced and
 * what is kept, and the server actions' permissions and tenant isolation.
 */

const h = vi.hoisted(() => ({ sessionUser: null as TSessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn(async () => h.sessionUser) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

type TWardFacts = typeof import("@/lib/councils/ward-facts");
type TActions = typeof import("@/app/(portal)/c/[council]/data/wards/actions");

let prisma: PrismaClient;
let lib: TWardFacts;
let actions: TActions;
let scopedClient: typeof import("@/lib/db/scoped").scopedClient;

interface TCouncil {
  id: string;
  slug: string;
  name: string;
  laCode: string;
  boundaryVintage: string;
}
let council: TCouncil;
let other: TCouncil;
const people: Record<string, { user: TSessionUser; roles: TRole[] }> = {};
/** The test council's five wards: E05<4 random digits>01 … 05, named Ward 1 … Ward 5. */
const prefix = `E05${randomInt(1000, 9999)}`;
const W = [1, 2, 3, 4, 5].map((n) => ({ code: `${prefix}0${n}`, name: `Ward ${n}` }));
/** A ward of the other council, with a code this council does not have. */
const OTHER_WARD = `E05${randomInt(1000, 9999)}77`;

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join("\r\n") + "\r\n");
const HEADER = "area_code,area_name,parent_code,population,peer_value";
const FORM = { populationYear: 2021, populationSource: "ONS mid-2021 estimates", peerCovariateLabel: "Median household income, 2021 (£)", peerCovariateSource: "ONS small-area income estimates" };

function ctx(c: TCouncil = council, who = "officer") {
  return { user: { id: people[who].user.id }, council: c, db: scopedClient(prisma, c.id), requestId: `test-${randomBytes(3).toString("hex")}` };
}

async function check(bytes: Uint8Array, form: Record<string, unknown> = FORM, filename = "areas.csv") {
  return (await lib.checkWardFacts(ctx(), { filename, bytes, form }, prisma)).report;
}

async function apply(bytes: Uint8Array, opts: { form?: Record<string, unknown>; warningsSeen?: number; acknowledged?: boolean } = {}) {
  return lib.applyWardFacts(ctx(), { filename: "areas.csv", bytes, form: opts.form ?? FORM, warningsSeen: opts.warningsSeen ?? 0, acknowledged: opts.acknowledged ?? false }, prisma);
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
}

/** Everything an apply could change in a council, for before/after comparisons. */
async function snapshot(c: TCouncil = council) {
  const [areas, populations, row, audit] = await Promise.all([
    prisma.area.findMany({ where: { councilId: c.id }, orderBy: { code: "asc" }, select: { code: true, peerValue: true } }),
    prisma.areaPopulation.findMany({ where: { councilId: c.id }, orderBy: [{ areaId: "asc" }, { year: "asc" }], select: { areaId: true, year: true, population: true, source: true } }),
    prisma.council.findUniqueOrThrow({ where: { id: c.id }, select: { peerCovariateLabel: true, peerCovariateSource: true } }),
    prisma.auditEvent.count({ where: { councilId: c.id } }),
  ]);
  return { areas, populations, row, audit };
}

const codes = (report: { issues: Array<{ code: string }> }) => report.issues.map((i) => i.code);
const issue = <T extends { code: string }>(report: { issues: T[] }, code: string) => report.issues.find((i) => i.code === code);

beforeAll(async () => {
  const url = await testDatabaseUrl();
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");
  const { createPrismaClient } = await import("@/lib/db/create-client");
  prisma = createPrismaClient(url, { max: 3 });
  lib = await import("@/lib/councils/ward-facts");
  actions = await import("@/app/(portal)/c/[council]/data/wards/actions");
  ({ scopedClient } = await import("@/lib/db/scoped"));
  council = await createCouncil(prisma, "wardfacts");
  other = await createCouncil(prisma, "wardfacts-other");
  await prisma.area.createMany({ data: W.map((w) => ({ councilId: council.id, code: w.code, name: w.name, kind: "ward" as const, vintage: "2013" })) });
  // the other council has a ward of its own, and the same codes as this council's first two wards
  await prisma.area.createMany({
    data: [OTHER_WARD, W[0].code, W[1].code].map((code, i) => ({ councilId: other.id, code, name: `Other ward ${i}`, kind: "ward" as const, vintage: "2013", peerValue: 5 })),
  });
  for (const [who, c, roles] of [
    ["officer", council, ["officer"]],
    ["reviewer", council, ["reviewer"]],
    ["outsider", other, ["admin"]],
  ] as Array<[string, TCouncil, TRole[]]>) {
    const { user } = await createMember(prisma, c.id, roles);
    people[who] = { user: { id: user.id, email: user.email, name: user.name, isOperator: false, mustChangePassword: false }, roles };
  }
}, 120_000);

beforeEach(() => {
  h.sessionUser = null;
});

describe("checking an areas file", () => {
  it("a clean file: no problems, and the plan says what will change", async () => {
    const r = await check(csv(HEADER, ...W.map((w, i) => `${w.code},${w.name},${council.laCode},${5000 + i * 100},${30000 + i * 1000}`)));
    expect(r.issues).toEqual([]);
    expect(r.canApply).toBe(true);
    expect(r.summary).toMatchObject({ rows: 5, errors: 0, warnings: 0 });
    expect(r.plan.populations).toEqual({ year: 2021, source: FORM.populationSource, wards: 5, added: 5, replaced: 0, changed: 0 });
    expect(r.plan.peerValues).toMatchObject({ label: FORM.peerCovariateLabel, wards: 5, without: 0, cleared: 0, labelChanged: true });
  });

  it("reports every row-level problem with its spreadsheet row number, and a nearest code for a typo", async () => {
    const typo = `${prefix}10`; // one edit from …01
    const r = await check(
      csv(
        HEADER, // row 1
        `${typo},Ward 1,,5000,30000`, // row 2: unknown code, with a suggestion
        `${W[1].code},Ward 2,,lots,31000`, // row 3: not a number
        `${W[2].code},Ward 3,,-5,32000`, // row 4: negative
        `${W[3].code},Ward 4,,250000,33000`, // row 5: more than any ward
        `${W[4].code},Ward 5,,12.15,£34000`, // row 6: not whole people, and a currency sign
        `${W[4].code},Ward 5,,5400,34000`, // row 7: a repeat (row 6 had errors, so this one is the first good one)
        `${W[4].code},Ward 5,,5500,34000`, // row 8: the same ward with different figures
        `${OTHER_WARD},Other ward 0,,5000,1`, // row 9: another council's ward
        `${council.laCode},${council.name},,90000,`, // row 10: the council itself, ignored
        `E05000001,Somewhere,E09000099,7000,1`, // row 11: another authority's area, ignored
      ),
    );
    const at = (code: string) => r.issues.filter((i) => i.code === code).map((i) => i.row);
    expect(at("AREA_UNKNOWN")).toEqual([2]);
    expect(issue(r, "AREA_UNKNOWN")).toMatchObject({ column: "area_code", suggestion: `Did you mean ${W[0].code} (Ward 1)?` });
    expect(at("POPULATION_NOT_NUMERIC")).toEqual([3]);
    expect(at("POPULATION_NEGATIVE")).toEqual([4]);
    expect(at("POPULATION_IMPLAUSIBLE")).toEqual([5]);
    expect(at("POPULATION_NOT_INTEGER")).toEqual([6]);
    expect(at("PEER_VALUE_NOT_NUMERIC")).toEqual([6]);
    expect(issue(r, "PEER_VALUE_NOT_NUMERIC")).toMatchObject({ suggestion: expect.stringContaining("without the currency sign") });
    expect(at("DUPLICATE_CONFLICT")).toEqual([8]);
    expect(at("AREA_OTHER_COUNCIL")).toEqual([9]);
    expect(issue(r, "AREA_OTHER_COUNCIL")!).toMatchObject({ message: expect.stringContaining(other.name) });
    expect(at("AREA_IS_COUNCIL")).toEqual([10]);
    expect(issue(r, "AREA_OTHER_PARENT")).toMatchObject({ row: null, severity: "info", count: 1 });
    // the wards whose rows all failed are listed as missing: Ward 1 (typo), 2, 3 and 4
    expect(r.issues.filter((i) => i.code === "WARD_MISSING").map((i) => i.area)).toEqual([W[0].code, W[1].code, W[2].code, W[3].code]);
    expect(r.summary).toMatchObject({ rows: 10, ignoredRows: 2, errors: 8 });
    expect(r.canApply).toBe(false);
    // errors come first, each group in row order
    const severities = r.issues.map((i) => i.severity);
    expect(severities.indexOf("warning")).toBeGreaterThan(severities.lastIndexOf("error"));
  });

  it("warns about a repeated identical row, a shifted name, a population far from the one held, a missing peer value and a missing ward", async () => {
    await prisma.areaPopulation.create({ data: { councilId: council.id, areaId: (await areaId(W[1].code))!, year: 2019, population: 6000, source: "earlier" } });
    const r = await check(
      csv(
        HEADER,
        `${W[0].code},Ward 1,${council.laCode},5000,30000`,
        `${W[0].code},Ward 1,${council.laCode},5000,30000`, // row 3: same again
        `${W[1].code},Ward 3,${council.laCode},600,31000`, // row 4: named like another ward; 600 vs 6,000 held for 2019
        `${W[2].code},Ward 3,${council.laCode},5200,`, // row 5: no peer value
        `${W[3].code},Ward 4,${council.laCode},"5,300",33000`, // row 6: thousands separator, cleaned
      ),
    );
    expect(r.summary.errors).toBe(0);
    expect(r.canApply).toBe(true);
    expect(issue(r, "DUPLICATE_SAME")?.row).toBe(3);
    expect(issue(r, "AREA_NAME_MISMATCH")?.row).toBe(4);
    expect(issue(r, "POPULATION_CHANGE")).toMatchObject({ row: 4, message: expect.stringContaining("6,000 held for 2019") });
    expect(issue(r, "PEER_VALUE_MISSING")?.row).toBe(5);
    expect(issue(r, "VALUE_CLEANED")?.row).toBe(6);
    expect(issue(r, "WARD_MISSING")).toMatchObject({ row: null, message: expect.stringContaining(`Ward 5 (${W[4].code}) is not in the file`) });
    expect(r.plan.peerValues).toMatchObject({ wards: 3, without: 2 });
    await prisma.areaPopulation.deleteMany({ where: { councilId: council.id } });
  });

  it("file-level problems: a missing or misnamed column, nothing to load, an empty or binary file", async () => {
    const noCode = await check(csv("Ward code,population", `${W[0].code},5000`));
    expect(issue(noCode, "MISSING_COLUMN")).toMatchObject({ row: 1, suggestion: "Rename the column \"Ward code\" area_code." });
    const misnamed = await check(csv("area_code,Peer value", `${W[0].code},30000`));
    expect(issue(misnamed, "HEADER_NOT_STANDARD")).toMatchObject({ row: 1, column: "Peer value", severity: "error" });
    const nothing = await check(csv("area_code,area_name", `${W[0].code},Ward 1`));
    expect(codes(nothing)).toContain("NOTHING_TO_LOAD");
    const headerOnly = await check(csv(HEADER));
    expect(codes(headerOnly)).toContain("NO_DATA_ROWS");
    expect((await check(new Uint8Array(0))).refused?.code).toBe("FILE_EMPTY");
    expect((await check(new Uint8Array([0, 1, 2, 0, 0, 0, 9, 0, 0]), FORM, "areas.csv")).refused?.code).toBe("FILE_UNREADABLE");
  });

  it("asks for the year and sources the file needs, and accepts a semicolon file with decimal commas", async () => {
    const r = await check(csv(HEADER, ...W.map((w) => `${w.code},${w.name},,5000,30000`)), {});
    expect(r.canApply).toBe(false);
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["peerCovariateLabel", "peerCovariateSource", "populationSource", "populationYear"]);
    const semi = await check(csv("area_code;population;peer_value", ...W.map((w) => `${w.code};5000;1,25`)));
    expect(semi.canApply).toBe(true);
    expect(semi.plan.peerValues?.wards).toBe(5);
    expect(issue(semi, "PEER_VALUE_CONSTANT")?.severity).toBe("warning");
  });
});

async function areaId(code: string) {
  return (await prisma.area.findFirst({ where: { councilId: council.id, code }, select: { id: true } }))?.id;
}

describe("applying an areas file", () => {
  it("refuses a file with errors, or details missing, and changes nothing", async () => {
    const before = await snapshot();
    const bad = await errorOf(apply(csv(HEADER, `${W[0].code},Ward 1,,minus,30000`)));
    expect(bad).toMatchObject({ code: "VALIDATION", fieldErrors: { _: [expect.stringMatching(/^Row 2: population "minus" is not a number/)] } });
    const noYear = await errorOf(apply(csv(HEADER, ...W.map((w) => `${w.code},${w.name},,5000,30000`)), { form: { ...FORM, populationYear: undefined } }));
    expect(noYear).toMatchObject({ code: "VALIDATION", fieldErrors: { populationYear: [expect.any(String)] } });
    expect(await snapshot()).toEqual(before);
  });

  it("loads populations and peer values in one audited transaction", async () => {
    const file = csv(HEADER, ...W.map((w, i) => `${w.code},${w.name},${council.laCode},${5000 + i},${30000 + i}`));
    const done = await apply(file);
    expect(done.populations).toMatchObject({ year: 2021, wards: 5, added: 5 });
    const s = await snapshot();
    expect(s.areas.map((a) => a.peerValue)).toEqual([30000, 30001, 30002, 30003, 30004]);
    expect(s.populations.map((p) => [p.year, p.population, p.source]).sort()).toEqual(W.map((_, i) => [2021, 5000 + i, FORM.populationSource]).sort());
    expect(s.row).toEqual({ peerCovariateLabel: FORM.peerCovariateLabel, peerCovariateSource: FORM.peerCovariateSource });
    const audit = await prisma.auditEvent.findMany({ where: { councilId: council.id, action: { startsWith: "wards." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["wards.populations_loaded", "wards.peer_values_loaded"]);
    expect(audit[0]).toMatchObject({ actorId: people.officer.user.id, entityType: "Council", entityId: council.id, data: expect.objectContaining({ year: 2021, wards: 5, filename: "areas.csv" }) });
    expect(audit[1].data).toMatchObject({ label: FORM.peerCovariateLabel, wards: 5, previousLabel: null });
    // the page's view of it
    const facts = await lib.findWardFacts(scopedClient(prisma, council.id), council);
    expect(facts.covariate.label).toBe(FORM.peerCovariateLabel);
    expect(facts.wards[0]).toMatchObject({ code: W[0].code, population: { year: 2021, population: 5000, source: FORM.populationSource }, peerValue: 30000 });
    expect(facts.last.populations?.by).toBe(people.officer.user.name ?? people.officer.user.email);
    // and the template to download holds what is held
    expect(await lib.wardFactsCsv(scopedClient(prisma, council.id), council, 2021)).toContain(`${W[0].code},Ward 1,${council.laCode},5000,30000\r\n`);
  });

  it("replaces that year's figures for the wards in the file only, keeps other years, and replaces the peer values as a whole", async () => {
    await apply(csv(HEADER, ...W.map((w) => `${w.code},${w.name},,4000,`)), { form: { ...FORM, populationYear: 2011 } });
    const before = await snapshot();
    // a second 2021 file for wards 1 and 2 only, with new peer values and a new label
    const file = csv(HEADER, `${W[0].code},Ward 1,,5100,40000`, `${W[1].code},Ward 2,,5101,40001`);
    const checked = await check(file, { ...FORM, peerCovariateLabel: "Income deprivation score" });
    expect(checked.summary.warnings).toBe(3); // wards 3, 4 and 5 are not in the file
    expect(checked.plan.populations).toMatchObject({ replaced: 2, changed: 2, added: 0 });
    expect(checked.plan.peerValues).toMatchObject({ wards: 2, changed: 2, cleared: 3, without: 3, labelChanged: true });
    const unacknowledged = await errorOf(apply(file, { form: { ...FORM, peerCovariateLabel: "Income deprivation score" }, warningsSeen: 3 }));
    expect(unacknowledged).toMatchObject({ code: "VALIDATION", fieldErrors: { acknowledge: [expect.any(String)] } });
    const newWarnings = await errorOf(apply(file, { form: { ...FORM, peerCovariateLabel: "Income deprivation score" }, warningsSeen: 2, acknowledged: true }));
    expect(newWarnings).toMatchObject({ code: "PRECONDITION" });
    expect(await snapshot()).toEqual(before);

    await apply(file, { form: { ...FORM, peerCovariateLabel: "Income deprivation score" }, warningsSeen: 3, acknowledged: true });
    const after = await snapshot();
    const pop = async (code: string, year: number) => (await prisma.areaPopulation.findFirst({ where: { areaId: await areaId(code), year } }))?.population;
    expect([await pop(W[0].code, 2021), await pop(W[1].code, 2021), await pop(W[2].code, 2021)]).toEqual([5100, 5101, 5002]);
    expect(await Promise.all(W.map((w) => pop(w.code, 2011)))).toEqual([4000, 4000, 4000, 4000, 4000]);
    expect(after.areas.map((a) => a.peerValue)).toEqual([40000, 40001, null, null, null]);
    expect(after.row.peerCovariateLabel).toBe("Income deprivation score");
    expect(after.populations).toHaveLength(before.populations.length);
    expect(after.audit).toBe(before.audit + 2);
    // a file with populations only leaves the peer values and their description alone
    await apply(csv("area_code,population", ...W.map((w) => `${w.code},4100`)), { form: { populationYear: 2011, populationSource: "Census 2011" } });
    const popsOnly = await snapshot();
    expect(popsOnly.areas.map((a) => a.peerValue)).toEqual([40000, 40001, null, null, null]);
    expect(popsOnly.row.peerCovariateLabel).toBe("Income deprivation score");
    expect(await pop(W[4].code, 2011)).toBe(4100);
  });

  it("never touches another council, even one with the same ward codes", async () => {
    const otherBefore = await snapshot(other);
    await apply(csv(HEADER, ...W.map((w, i) => `${w.code},${w.name},,5200,${50000 + i}`)));
    expect(await snapshot(other)).toEqual(otherBefore);
  });
});

describe("the server actions", () => {
  const file = () => new File([csv(HEADER, ...W.map((w, i) => `${w.code},${w.name},,5300,${60000 + i}`))], "areas.csv", { type: "text/csv" });
  const payload = (slug: string) => ({ council: slug, file: file(), ...FORM });

  it("an officer checks a file; the result carries the file back for Apply, which applies it and redirects", async () => {
    h.sessionUser = people.officer.user;
    const r = await actions.checkAreasFileAction(null, payload(council.slug));
    expect(r).toMatchObject({ ok: true, data: { filename: "areas.csv", report: { canApply: true, summary: { errors: 0 } } } });
    const data = (r as { data: { content: string; report: { summary: { warnings: number } } } }).data;
    expect(data).not.toHaveProperty("report.rows");
    const applied = actions.applyAreasFileAction(null, { council: council.slug, content: data.content, filename: "areas.csv", warningsSeen: String(data.report.summary.warnings), ...FORM });
    await expect(applied).rejects.toMatchObject({ digest: expect.stringContaining(`/c/${council.slug}/data/wards?updated=1&year=2021`) });
    expect((await snapshot()).areas.map((a) => a.peerValue)).toEqual([60000, 60001, 60002, 60003, 60004]);
  });

  it("a reviewer (no data:upload) is FORBIDDEN; a member of another council gets NOT_FOUND, as for a council that does not exist; nothing changes", async () => {
    const before = await snapshot();
    const content = Buffer.from(csv(HEADER, `${W[0].code},Ward 1,,1,1`)).toString("base64");
    h.sessionUser = people.reviewer.user;
    expect(await actions.checkAreasFileAction(null, payload(council.slug))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await actions.applyAreasFileAction(null, { council: council.slug, content, filename: "a.csv", warningsSeen: "9", acknowledge: "yes", ...FORM })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    h.sessionUser = people.outsider.user;
    for (const act of [actions.checkAreasFileAction, actions.applyAreasFileAction] as Array<(p: unknown, d: unknown) => Promise<unknown>>) {
      const hidden = await act(null, { ...payload(council.slug), content, filename: "a.csv", warningsSeen: "9", acknowledge: "yes" });
      expect(hidden).toEqual({ ok: false, error: { code: "NOT_FOUND", message: expect.any(String) } });
      expect(await act(null, { ...payload("no-such-council"), content, filename: "a.csv", warningsSeen: "9", acknowledge: "yes" })).toEqual(hidden);
    }
    h.sessionUser = null;
    expect(await actions.checkAreasFileAction(null, payload(council.slug))).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await snapshot()).toEqual(before);
  });

  it("a missing file or a bad year is a field error", async () => {
    h.sessionUser = people.officer.user;
    const r = await actions.checkAreasFileAction(null, { council: council.slug, populationYear: "twenty" });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { file: ["Select an areas file"], populationYear: [expect.stringMatching(/year/)] } } });
  });
});
