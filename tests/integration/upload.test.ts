import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { scopedClient } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  acknowledgeWarnings,
  cancelUpload,
  findCurrentObservations,
  getUpload,
  loadUpload,
  previewColumns,
  purgeExpiredUploads,
  saveMapping,
  startUpload,
  storeUploadFile,
  validateUploadFile,
} from "@/lib/uploads";
import type { TColumnMapping } from "@/lib/ingest/types";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";
import { councilWithOfficer, INDICATORS, longCsv, occurrencesEverywhere } from "./upload-support";

let prisma: PrismaClient;
beforeAll(async () => {
  prisma = createPrismaClient(await testDatabaseUrl(), { max: 4 });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

type TSetup = Awaited<ReturnType<typeof councilWithOfficer>>;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
}

/** Start, upload, map (as proposed), validate and acknowledge: an upload ready to load. */
async function validatedUpload(s: TSetup, bytes: Uint8Array, filename = "data.csv") {
  const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
  const stored = await storeUploadFile(s.ctx, { uploadId: id, filename, contentType: "text/csv", bytes }, prisma);
  expect(stored).toEqual({ ok: true, uploadId: id });
  const proposed = await getUpload(s.ctx.db, id);
  await saveMapping(s.ctx, { uploadId: id, mapping: proposed.mapping as unknown as TColumnMapping });
  const v = await validateUploadFile(s.ctx, { uploadId: id }, prisma);
  expect(v.summary.errors, JSON.stringify((await getUpload(s.ctx.db, id)).report.issues?.filter((i) => i.severity === "error"))).toBe(0);
  if (v.summary.warnings > 0) await acknowledgeWarnings(s.ctx, { uploadId: id });
  return id;
}

const cells = async (s: TSetup) =>
  (await findCurrentObservations(s.ctx.db, s.edition.id)).map((o) => `${o.area}|${o.indicator}|${o.period}=${o.value}`).sort();

describe("loading an upload", () => {
  it("loads the observations and a dataset, and the raw file is gone from every table", async () => {
    const s = await councilWithOfficer(prisma);
    const marker = `MARK${uniqueId()}`;
    const id = await validatedUpload(s, longCsv(s.wards, { marker }));
    expect(await prisma.stagedFile.count({ where: { uploadId: id } })).toBe(1);
    expect(Object.keys(await occurrencesEverywhere(prisma, marker))).toEqual(["StagedFile"]);
    const out = await loadUpload(s.ctx, { uploadId: id }, prisma);
    expect(out.observations).toBe(s.wards.length * INDICATORS.length);
    const ds = await prisma.dataset.findUniqueOrThrow({ where: { id: out.datasetId } });
    expect(ds).toMatchObject({ councilId: s.council.id, uploadId: id, filename: "data.csv", rowCount: 9, observationCount: 9, periods: [2013] });
    expect(ds.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.observation.count({ where: { datasetId: ds.id, councilId: s.council.id } })).toBe(9);
    expect(await prisma.stagedFile.count({ where: { uploadId: id } })).toBe(0);
    expect(await occurrencesEverywhere(prisma, marker)).toEqual({});
    expect((await getUpload(s.ctx.db, id)).status).toBe("loaded");
    const audit = await prisma.auditEvent.findMany({ where: { councilId: s.council.id, entityId: { in: [id, ds.id] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["data.loaded", "data.source_deleted"]));
    expect(await codeOf(loadUpload(s.ctx, { uploadId: id }, prisma))).toBe("CONFLICT");
  });

  it("is one transaction: a failure mid-load leaves existing observations and the staged file exactly as they were", async () => {
    const s = await councilWithOfficer(prisma);
    await loadUpload(s.ctx, { uploadId: await validatedUpload(s, longCsv(s.wards, { marker: "a" })) }, prisma);
    const before = await cells(s);
    const datasetsBefore = await prisma.dataset.count({ where: { councilId: s.council.id } });
    const id = await validatedUpload(s, longCsv(s.wards, { marker: "b", offset: 1 }));
    const staged = await prisma.stagedFile.findUniqueOrThrow({ where: { uploadId: id } });
    // A trigger that refuses the last ward's rows: they come in a later batch than the first ones.
    const fn = `fail_obs_${uniqueId()}`;
    await prisma.$executeRawUnsafe(`CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."councilId" = '${s.council.id}' AND NEW."areaCode" = '${s.wards[2].code}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "${fn}" BEFORE INSERT ON "Observation" FOR EACH ROW EXECUTE FUNCTION "${fn}"()`);
    try {
      await expect(loadUpload(s.ctx, { uploadId: id }, prisma, { batchSize: 2 })).rejects.toThrow(/injected failure/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "${fn}" ON "Observation"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION "${fn}"()`);
    }
    expect(await cells(s)).toEqual(before);
    expect(await prisma.dataset.count({ where: { councilId: s.council.id } })).toBe(datasetsBefore);
    expect(await prisma.observation.count({ where: { councilId: s.council.id } })).toBe(9);
    const still = await prisma.stagedFile.findUniqueOrThrow({ where: { uploadId: id } });
    expect(Buffer.from(still.bytes).equals(Buffer.from(staged.bytes))).toBe(true);
    expect((await getUpload(s.ctx.db, id)).status).toBe("validated");
    expect(await prisma.auditEvent.count({ where: { councilId: s.council.id, action: "data.loaded" } })).toBe(1);
    // and once the fault is gone, the same upload loads
    await loadUpload(s.ctx, { uploadId: id }, prisma, { batchSize: 2 });
    expect(await cells(s)).not.toEqual(before);
  });

  it("refuses to load while the report has unacknowledged warnings, and loads once they are acknowledged", async () => {
    const s = await councilWithOfficer(prisma);
    const text = new TextDecoder().decode(longCsv(s.wards, { marker: "w" })).split("\r\n");
    const withDuplicate = new TextEncoder().encode([...text.slice(0, 2), text[1], ...text.slice(2)].join("\r\n")); // an exact duplicate row: a warning
    const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: id, filename: "d.csv", contentType: "text/csv", bytes: withDuplicate }, prisma);
    await saveMapping(s.ctx, { uploadId: id, mapping: (await getUpload(s.ctx.db, id)).mapping as unknown as TColumnMapping });
    const v = await validateUploadFile(s.ctx, { uploadId: id }, prisma);
    expect(v.summary).toMatchObject({ errors: 0 });
    expect(v.summary.warnings).toBeGreaterThan(0);
    expect(await codeOf(loadUpload(s.ctx, { uploadId: id }, prisma))).toBe("PRECONDITION");
    expect(await prisma.dataset.count({ where: { councilId: s.council.id } })).toBe(0);
    expect(await prisma.stagedFile.count({ where: { uploadId: id } })).toBe(1);
    await acknowledgeWarnings(s.ctx, { uploadId: id });
    await loadUpload(s.ctx, { uploadId: id }, prisma);
    expect(await prisma.dataset.count({ where: { councilId: s.council.id } })).toBe(1);
  });

  it("refuses to load a file with errors, and errors cannot be acknowledged", async () => {
    const s = await councilWithOfficer(prisma);
    const bad = new TextEncoder().encode(`area_code,indicator_code,period,value\n${s.wards[0].code},smr,2013,lots\n`);
    const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: id, filename: "bad.csv", contentType: "text/csv", bytes: bad }, prisma);
    await saveMapping(s.ctx, { uploadId: id, mapping: (await getUpload(s.ctx.db, id)).mapping as unknown as TColumnMapping });
    const v = await validateUploadFile(s.ctx, { uploadId: id }, prisma);
    expect(v.summary.errors).toBeGreaterThan(0);
    expect(await codeOf(acknowledgeWarnings(s.ctx, { uploadId: id }))).toBe("PRECONDITION");
    expect(await codeOf(loadUpload(s.ctx, { uploadId: id }, prisma))).toBe("PRECONDITION");
    expect(await prisma.observation.count({ where: { councilId: s.council.id } })).toBe(0);
  });
});

describe("current observations", () => {
  it("are the newest dataset's value per cell, older cells kept where the newer file is silent", async () => {
    const s = await councilWithOfficer(prisma);
    await loadUpload(s.ctx, { uploadId: await validatedUpload(s, longCsv(s.wards, { marker: "a" })) }, prisma);
    await loadUpload(s.ctx, { uploadId: await validatedUpload(s, longCsv(s.wards, { marker: "b", offset: 2, only: 1 })) }, prisma);
    const current = await findCurrentObservations(s.ctx.db, s.edition.id);
    expect(current).toHaveLength(9);
    const smr = (area: string) => current.find((o) => o.area === area && o.indicator === "smr")!;
    expect(smr(s.wards[0].code).value).toBe(102);
    expect(smr(s.wards[1].code).value).toBeCloseTo(100.1);
    expect(smr(s.wards[0].code).datasetId).not.toBe(smr(s.wards[1].code).datasetId);
    expect(await prisma.observation.count({ where: { councilId: s.council.id } })).toBe(12); // history kept
  });
});

describe("the raw file is deleted", () => {
  it("on cancel", async () => {
    const s = await councilWithOfficer(prisma);
    const marker = `MARK${uniqueId()}`;
    const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: id, filename: "x.csv", contentType: "text/csv", bytes: longCsv(s.wards, { marker }) }, prisma);
    expect(Object.keys(await occurrencesEverywhere(prisma, marker))).toEqual(["StagedFile"]);
    await cancelUpload(s.ctx, { uploadId: id });
    expect(await occurrencesEverywhere(prisma, marker)).toEqual({});
    expect((await getUpload(s.ctx.db, id)).status).toBe("cancelled");
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["data.upload_cancelled", "data.source_deleted"]));
    expect(await codeOf(cancelUpload(s.ctx, { uploadId: id }))).toBe("CONFLICT");
  });

  it("when an abandoned upload is purged after 24 hours, and not before", async () => {
    const s = await councilWithOfficer(prisma);
    const marker = `MARK${uniqueId()}`;
    const fresh = `MARK${uniqueId()}`;
    const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: id, filename: "x.csv", contentType: "text/csv", bytes: longCsv(s.wards, { marker }) }, prisma);
    const other = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: other.id, filename: "y.csv", contentType: "text/csv", bytes: longCsv(s.wards, { marker: fresh }) }, prisma);
    const u = await prisma.upload.findUniqueOrThrow({ where: { id } });
    expect(u.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const later = new Date(u.expiresAt.getTime() + 1000);
    await prisma.upload.update({ where: { id: other.id }, data: { expiresAt: new Date(later.getTime() + 3600_000) } });
    await purgeExpiredUploads(prisma, new Date());
    expect((await getUpload(s.ctx.db, id)).status).toBe("uploaded"); // not yet 24 hours
    expect(await purgeExpiredUploads(prisma, later)).toBeGreaterThanOrEqual(1);
    expect(await occurrencesEverywhere(prisma, marker)).toEqual({});
    expect((await getUpload(s.ctx.db, id)).status).toBe("expired");
    expect(Object.keys(await occurrencesEverywhere(prisma, fresh))).toEqual(["StagedFile"]);
    expect((await getUpload(s.ctx.db, other.id)).status).toBe("uploaded");
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: id } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["data.upload_expired", "data.source_deleted"]));
  });
});

describe("column mapping presets", () => {
  it("remembers the council's last mapping for the format and proposes it on the next upload", async () => {
    const s = await councilWithOfficer(prisma);
    const csv = (w: string) => new TextEncoder().encode(`Where,What,When,Reading\n${w},smr,2013,100\n`);
    const first = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: first.id, filename: "a.csv", contentType: "text/csv", bytes: csv(s.wards[0].code) }, prisma);
    const mapping: TColumnMapping = { format: "long", columns: { Where: "area_code", What: "indicator_code", When: "period", Reading: "value" } };
    await saveMapping(s.ctx, { uploadId: first.id, mapping });
    expect((await prisma.columnMappingPreset.findFirstOrThrow({ where: { councilId: s.council.id, format: "long" } })).mapping).toEqual(mapping);
    const second = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: second.id, filename: "b.csv", contentType: "text/csv", bytes: csv(s.wards[1].code) }, prisma);
    expect(((await getUpload(s.ctx.db, second.id)).mapping as unknown as TColumnMapping).columns).toMatchObject(mapping.columns);
    // another council does not get this council's preset
    const t = await councilWithOfficer(prisma);
    expect(await t.ctx.db.columnMappingPreset.count()).toBe(0);
  });
});

describe("column preview", () => {
  it("shows a first value per column from the staged file, with personal data blanked, and nothing once the file is gone", async () => {
    const s = await councilWithOfficer(prisma);
    const csv = new TextEncoder().encode(`area_code,indicator_code,period,value,contact_email\n${s.wards[0].code},smr,2013,100,jo.bloggs@example.com\n`);
    const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: id, filename: "p.csv", contentType: "text/csv", bytes: csv }, prisma);
    const u = await getUpload(s.ctx.db, id);
    const preview = await previewColumns(s.ctx, u);
    expect(preview).toMatchObject({ area_code: s.wards[0].code, indicator_code: "smr", value: "100" });
    expect(JSON.stringify(preview)).not.toContain("jo.bloggs");
    await cancelUpload(s.ctx, { uploadId: id });
    expect(await previewColumns(s.ctx, u)).toEqual({});
  });
});

describe("tenant isolation", () => {
  it("another council's scoped client cannot see, change, load or cancel an upload", async () => {
    const s = await councilWithOfficer(prisma);
    const t = await councilWithOfficer(prisma);
    const { id } = await startUpload(s.ctx, { frameworkEditionId: s.edition.id, format: "long", periods: [2013] });
    await storeUploadFile(s.ctx, { uploadId: id, filename: "x.csv", contentType: "text/csv", bytes: longCsv(s.wards, { marker: "iso" }) }, prisma);
    const foreign = scopedClient(prisma, t.council.id);
    expect(await foreign.upload.findFirst({ where: { id } })).toBeNull();
    expect(await foreign.stagedFile.count({ where: { uploadId: id } })).toBe(0);
    expect(await codeOf(getUpload(t.ctx.db, id))).toBe("NOT_FOUND");
    expect(await codeOf(cancelUpload(t.ctx, { uploadId: id }))).toBe("NOT_FOUND");
    expect(await codeOf(loadUpload(t.ctx, { uploadId: id }, prisma))).toBe("NOT_FOUND");
    expect(await codeOf(storeUploadFile(t.ctx, { uploadId: id, filename: "y.csv", contentType: null, bytes: new Uint8Array([65]) }, prisma))).toBe("NOT_FOUND");
    expect(await codeOf(saveMapping(t.ctx, { uploadId: id, mapping: { format: "long", columns: {} } }))).toBe("NOT_FOUND");
    expect(await foreign.upload.updateMany({ where: { id }, data: { status: "cancelled" } })).toEqual({ count: 0 });
    expect((await getUpload(s.ctx.db, id)).status).toBe("uploaded");
  });
});
