import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { scopedClient } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import { addMember } from "@/lib/members/members";
import type { TSessionUser } from "@/lib/auth/session";
import { onboardCouncil, ZOnboardCouncil } from "./onboard";

export const MAX_BOUNDARY_FILE_BYTES = 20 * 1024 * 1024;

/** Every council on the platform, for the operator console. */
export async function findAllCouncils() {
  const rows = await prisma.council.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      laCode: true,
      boundaryVintage: true,
      createdAt: true,
      _count: { select: { memberships: true, areas: { where: { kind: "ward" } } } },
    },
  });
  return rows.map((r) => ({ ...r, members: r._count.memberships, wards: r._count.areas }));
}

export const ZOnboardForm = ZOnboardCouncil.extend({
  firstAdminEmail: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().trim().toLowerCase().email("Enter the first administrator's email address in the correct format").optional(),
  ),
  boundaries: z
    .instanceof(File, { message: "Choose a GeoJSON file of the council's ward boundaries" })
    .refine((f) => f.size > 0, "The selected file is empty")
    .refine((f) => f.size <= MAX_BOUNDARY_FILE_BYTES, "The file must be smaller than 20 MB"),
});

/**
 * Onboard a council from the operator console: validate the boundary file, create the council
 * and its wards, and optionally its first administrator (with a one-time temporary password).
 */
export async function onboardFromConsole(user: TSessionUser, requestId: string, input: z.output<typeof ZOnboardForm>) {
  let geojson: unknown;
  try {
    geojson = JSON.parse(await input.boundaries.text());
  } catch (e) {
    throw new AppError("VALIDATION", "The boundaries file could not be read", {
      fieldErrors: { boundaries: [`The file is not valid JSON (${(e as Error).message}). Export the boundaries as GeoJSON in WGS84.`] },
    });
  }
  const created = await onboardCouncil(prisma, { id: user.id, requestId }, { ...input, geojson });
  let admin: { email: string; temporaryPassword: string | null } | null = null;
  if (input.firstAdminEmail) {
    const council = await prisma.council.findUniqueOrThrow({ where: { id: created.councilId } });
    admin = await addMember(
      { user, council, roles: [], viaOperator: true, requestId, db: scopedClient(prisma, council.id) },
      { email: input.firstAdminEmail, roles: ["admin"] },
    );
  }
  return { ...created, admin };
}
