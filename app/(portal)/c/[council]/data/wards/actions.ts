"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { councilAction } from "@/lib/actions/define";
import { applyWardFacts, checkWardFacts } from "@/lib/councils/ward-facts";
import { AREAS_FILE_MAX_BYTES } from "@/lib/councils/ward-facts-check";
import { prisma } from "@/lib/db/client";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number, what: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, `${what} must be ${max} characters or fewer`).optional());

/** What the officer says about the file; which of these are needed depends on the file (see checkAreasFile). */
const ZDetails = z.object({
  populationYear: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "Enter the year as a number, like 2021" }).int("Enter a whole year, like 2021").min(1900, "Enter a year from 1900 onwards").max(2100, "Enter a year before 2100").optional(),
  ),
  populationSource: text(200, "The source of the populations"),
  peerCovariateLabel: text(200, "What the peer values measure"),
  peerCovariateSource: text(300, "The source of the peer values"),
});

/** Check an areas file: the row-by-row report and what applying it would change. Changes nothing. */
export const checkAreasFileAction = councilAction({
  name: "wards.checkAreasFile",
  permission: "data:upload",
  input: ZDetails.extend({
    file: z
      .instanceof(File, { message: "Select an areas file" })
      .refine((f) => f.size > 0, "Select an areas file (the one chosen is empty)")
      .refine((f) => f.size <= AREAS_FILE_MAX_BYTES, `The areas file must be smaller than ${AREAS_FILE_MAX_BYTES / 1024 / 1024} MB`),
  }),
  handler: async (ctx, { file, ...form }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = await checkWardFacts(ctx, { filename: file.name, bytes, form }, prisma);
    const { rows: _rows, ...report } = checked.report;
    // The file goes back to the form, so "Apply" applies exactly the file that was checked (checked again first).
    return { ...checked, report, form, content: Buffer.from(bytes).toString("base64") };
  },
});

/** Apply a checked areas file in one transaction (populations for the year, peer values, what they measure), audited. */
export const applyAreasFileAction = councilAction({
  name: "wards.applyAreasFile",
  permission: "data:upload",
  input: ZDetails.extend({
    content: z.string().min(1, "Check the file first").max(Math.ceil((AREAS_FILE_MAX_BYTES * 4) / 3) + 4, "The areas file is too large"),
    filename: z.string().max(300),
    warningsSeen: z.coerce.number().int().min(0),
    acknowledge: z.literal("yes").optional(),
  }),
  handler: async (ctx, input) => {
    const { content, filename, warningsSeen, acknowledge, ...form } = input;
    const bytes = new Uint8Array(Buffer.from(content, "base64"));
    const done = await applyWardFacts(ctx, { filename, bytes, form, warningsSeen, acknowledged: acknowledge === "yes" }, prisma);
    const q = new URLSearchParams({ updated: "1" });
    if (done.populations) {
      q.set("year", String(done.populations.year));
      q.set("populations", String(done.populations.wards));
    }
    if (done.peerValues) q.set("peerValues", String(done.peerValues.wards));
    redirect(`/c/${ctx.council.slug}/data/wards?${q.toString()}`);
  },
});
