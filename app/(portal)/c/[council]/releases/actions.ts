"use server";

import { z } from "zod";
import { councilAction } from "@/lib/actions/define";
import { thenNotify } from "@/lib/background/worker";
import { addComment, approveRelease, requestChanges, submitRelease, withdrawRelease } from "@/lib/releases/workflow";
import { ZRunOptions } from "@/lib/runs/options";
import { startScoreRun } from "@/lib/runs/start";

const ZPeriods = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : ([] as unknown[]).concat(v)),
  z.array(z.coerce.number().int().min(1990).max(2100)).min(1, "Choose at least one year to score"),
);
const ZLock = { releaseId: z.string().min(1), lockVersion: z.coerce.number().int().min(0) };

export const startScoreRunAction = councilAction({
  name: "runs.start",
  permission: "run:create",
  entitlement: "run:create",
  input: ZRunOptions.extend({ frameworkEditionId: z.string().min(1, "Choose a framework edition"), periods: ZPeriods }),
  handler: (ctx, { frameworkEditionId, periods, ...options }) => startScoreRun(ctx, { frameworkEditionId, periods, options }),
  revalidate: ["/c/:council/releases"],
});

export const submitReleaseAction = councilAction({
  name: "releases.submit",
  permission: "release:submit",
  entitlement: "release:submit",
  input: z.object({ ...ZLock, notes: z.string().trim().max(5000).optional() }),
  handler: (ctx, input) => thenNotify(submitRelease(ctx, input)),
  revalidate: ["/c/:council/releases"],
});

export const requestChangesAction = councilAction({
  name: "releases.requestChanges",
  permission: "release:review",
  input: z.object({ ...ZLock, reason: z.string().trim().min(1, "Say what needs to change").max(5000) }),
  handler: (ctx, input) => thenNotify(requestChanges(ctx, input)),
  revalidate: ["/c/:council/releases"],
});

// A publication time typed in UK local time (datetime-local has no zone); empty = publish now.
const ZPublishAt = z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time, like 2026-12-01 09:30").optional());

export const approveReleaseAction = councilAction({
  name: "releases.approve",
  permission: "release:approve",
  entitlement: "release:approve",
  input: z.object({ ...ZLock, publishAt: ZPublishAt }),
  handler: (ctx, input) => thenNotify(approveRelease(ctx, { ...input, publishAt: input.publishAt ? londonLocalToUtc(input.publishAt) : null })),
  revalidate: ["/c/:council/releases"],
});

export const withdrawReleaseAction = councilAction({
  name: "releases.withdraw",
  permission: "release:submit",
  input: z.object(ZLock),
  handler: (ctx, input) => withdrawRelease(ctx, input),
  revalidate: ["/c/:council/releases"],
});

export const addCommentAction = councilAction({
  name: "releases.comment",
  permission: "release:comment",
  input: z.object({
    releaseId: z.string().min(1),
    body: z.string().trim().min(1, "Write a comment").max(5000),
    areaCode: z.string().trim().max(20).optional(),
    scoreCode: z.string().trim().max(60).optional(),
    parentId: z.string().max(40).optional(),
  }),
  handler: (ctx, input) => thenNotify(addComment(ctx, input)),
  revalidate: ["/c/:council/releases"],
});

/** "2026-12-01T09:30" in Europe/London → the UTC instant (handles BST). */
function londonLocalToUtc(local: string): Date {
  const asUtc = new Date(`${local}:00Z`);
  const inLondon = new Date(asUtc.toLocaleString("en-US", { timeZone: "Europe/London" }));
  const inUtc = new Date(asUtc.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(asUtc.getTime() - (inLondon.getTime() - inUtc.getTime()));
}
