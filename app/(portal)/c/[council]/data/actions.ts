"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { councilAction } from "@/lib/actions/define";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/db/client";
import { acknowledgeWarnings, cancelUpload, loadUpload, saveMapping, startUpload, storeUploadFile, validateUploadFile } from "@/lib/uploads";

const ZId = z.string().min(1).max(64);
const toList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : ([] as unknown[]).concat(v));
const wizard = (slug: string, id: string, query = "") => `/c/${slug}/data/uploads/${id}${query}`;

export const startUploadAction = councilAction({
  name: "data.startUpload",
  permission: "data:upload",
  input: z.object({
    frameworkEditionId: z.string({ message: "Choose a framework edition" }).min(1, "Choose a framework edition"),
    format: z.enum(["long", "wide"], { message: "Choose how the file is laid out" }),
    periods: z.preprocess(toList, z.array(z.coerce.number().int()).min(1, "Choose at least one year")),
  }),
  handler: async (ctx, input) => {
    const u = await startUpload(ctx, input);
    redirect(wizard(ctx.council.slug, u.id));
  },
});

/** The no-JavaScript path: the file arrives as multipart form data (the progress bar posts to the route handler instead). */
export const uploadFileAction = councilAction({
  name: "data.uploadFile",
  permission: "data:upload",
  input: z.object({
    uploadId: ZId,
    file: z.instanceof(File, { message: "Select a file" }).refine((f) => f.size > 0, "Select a file"),
  }),
  handler: async (ctx, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const r = await storeUploadFile(ctx, { uploadId: input.uploadId, filename: input.file.name, contentType: input.file.type || null, bytes }, prisma);
    if (!r.ok) return { refused: r.refused };
    redirect(wizard(ctx.council.slug, input.uploadId));
  },
});

export const saveMappingAction = councilAction({
  name: "data.saveMapping",
  permission: "data:upload",
  input: z.object({
    uploadId: ZId,
    format: z.enum(["long", "wide"]),
    sheet: z.string().max(200).optional(),
    column: z.preprocess(toList, z.array(z.string().max(500)).max(2000)),
    target: z.preprocess(toList, z.array(z.string().regex(/^(ignore|area_code|indicator_code|period|value|numerator|denominator|lower_ci|upper_ci|note|indicator:[\w.-]+)$/, "Choose a field from the list"))),
  }),
  handler: async (ctx, input) => {
    if (input.column.length !== input.target.length) throw new AppError("VALIDATION", "Choose a field for every column");
    const columns = Object.fromEntries(input.column.map((c, i) => [c, input.target[i]]));
    await saveMapping(ctx, { uploadId: input.uploadId, mapping: { format: input.format, columns }, sheet: input.sheet });
    await validateUploadFile(ctx, { uploadId: input.uploadId }, prisma);
    redirect(wizard(ctx.council.slug, input.uploadId));
  },
});

export const validateUploadAction = councilAction({
  name: "data.validateUpload",
  permission: "data:upload",
  input: z.object({ uploadId: ZId }),
  handler: async (ctx, input) => {
    await validateUploadFile(ctx, input, prisma);
    redirect(wizard(ctx.council.slug, input.uploadId));
  },
});

export const acknowledgeWarningsAction = councilAction({
  name: "data.acknowledgeWarnings",
  permission: "data:upload",
  input: z.object({
    uploadId: ZId,
    acknowledge: z.literal("yes", { message: "Confirm that you have read the warnings" }),
  }),
  handler: async (ctx, input) => {
    await acknowledgeWarnings(ctx, input);
    redirect(wizard(ctx.council.slug, input.uploadId));
  },
});

export const loadUploadAction = councilAction({
  name: "data.loadUpload",
  permission: "data:upload",
  input: z.object({ uploadId: ZId }),
  handler: async (ctx, input) => {
    await loadUpload(ctx, input, prisma);
    redirect(wizard(ctx.council.slug, input.uploadId));
  },
  revalidate: ["/c/:council/data"],
});

export const cancelUploadAction = councilAction({
  name: "data.cancelUpload",
  permission: "data:upload",
  input: z.object({ uploadId: ZId }),
  handler: async (ctx, input) => {
    await cancelUpload(ctx, input);
    redirect(`/c/${ctx.council.slug}/data?cancelled=1`);
  },
});
