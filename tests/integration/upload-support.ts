import { randomInt, randomUUID } from "node:crypto";
import type { TRole } from "@/lib/auth/permissions";
import { scopedClient } from "@/lib/db/scoped";
import { seedFrameworkEditions } from "@/lib/db/seed";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { uniqueId } from "@/tests/support/db";
import { createCouncil, createMember } from "@/tests/support/fixtures";

/** Three indicators of london-wards-2015 that accept 2013, with a mid-range value each. */
export const INDICATORS = [
  { code: "smr", mid: 100 },
  { code: "le_male", mid: 78 },
  { code: "le_female", mid: 83 },
];

/** A council with three wards (real-looking GSS codes), an officer, and the context requireCouncil would build. */
export async function councilWithOfficer(prisma: PrismaClient, label = "upload") {
  await seedFrameworkEditions(prisma);
  const edition = await prisma.frameworkEdition.findFirstOrThrow({ where: { code: "london-wards-2015" } });
  const council = await createCouncil(prisma, label);
  const wards = [];
  for (const name of ["North Ward", "South Ward", "East Ward"]) {
    const code = `E05${String(randomInt(100000, 999999))}`;
    wards.push(await prisma.area.create({ data: { councilId: council.id, code, name: `${name} ${uniqueId()}`, kind: "ward", vintage: "2013" } }));
  }
  const roles: TRole[] = ["officer"];
  const { user } = await createMember(prisma, council.id, roles);
  const ctx = {
    user: { id: user.id, email: user.email, name: user.name, isOperator: false, mustChangePassword: false },
    council: { id: council.id, slug: council.slug, name: council.name, laCode: council.laCode, boundaryVintage: council.boundaryVintage },
    roles,
    viaOperator: false,
    requestId: randomUUID(),
    db: scopedClient(prisma, council.id),
  };
  return { council, wards, edition, user, ctx };
}

/**
 * A long CSV for the wards: every indicator for 2013 (value = mid + offset), plus a descriptive
 * ward_name column carrying `marker`, which must never be stored anywhere.
 */
export function longCsv(wards: Array<{ code: string }>, opts: { marker: string; offset?: number; only?: number } = { marker: "" }): Uint8Array {
  const lines = ["area_code,ward_name,indicator_code,period,value"];
  wards.slice(0, opts.only ?? wards.length).forEach((w, i) => {
    for (const ind of INDICATORS) lines.push(`${w.code},${opts.marker}-${i},${ind.code},2013,${ind.mid + (opts.offset ?? 0) + i / 10}`);
  });
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

/** How many rows of every table in the current schema contain `needle` as text, or as hex inside a bytea column. */
export async function occurrencesEverywhere(prisma: PrismaClient, needle: string): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<Array<{ t: string }>>`
    SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const hex = Buffer.from(needle, "utf8").toString("hex");
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}" x WHERE x::text LIKE $1 OR x::text LIKE $2`,
      `%${needle}%`,
      `%${hex}%`,
    );
    if (Number(rows[0].n) > 0) out[t] = Number(rows[0].n);
  }
  return out;
}
