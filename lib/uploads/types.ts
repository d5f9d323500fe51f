import type { TActionContext } from "@/lib/actions/define";
import type { TColumnMapping, TCoverageCell, TDetected, TIssue, TRefusal, TValidationResult } from "@/lib/ingest/types";

/** What the upload functions need from requireCouncil (requestId is set by actions, absent on pages). */
export type TUploadCtx = Pick<TActionContext, "user" | "council" | "db"> & { requestId?: string };

/** Statuses in which the wizard is still open (the raw file may still be staged). */
export const OPEN_STATUSES = ["started", "uploaded", "mapped", "validated"] as const;
export type TOpenStatus = (typeof OPEN_STATUSES)[number];

/**
 * What Upload.report holds: what was detected in the file and the validation report.
 * Never the data itself: issues carry row numbers, codes and messages (the validator keeps
 * values of personal-data columns out of messages), coverage carries codes and periods.
 */
export interface TUploadReport {
  refused?: TRefusal;
  detected?: TDetected;
  summary?: TValidationResult["summary"];
  issues?: TIssue[];
  droppedColumns?: TValidationResult["droppedColumns"];
  coverage?: TCoverageCell[];
}

export type { TColumnMapping };

export const WIZARD_STEPS = ["Choose the data", "Upload the file", "Match the columns", "Check the file", "Load the data"] as const;
