/**
 * The release workflow as a pure state machine: which transitions exist, and who may make them.
 * Persistence (optimistic locking, the database-level four-eyes check) lives in lib/releases/
 * release-store.ts; this file only decides.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──(newer approved)──▶ superseded
 *     ▲                  │
 *     └──resubmit── changes_requested ◀──requestChanges──┘
 *   draft / changes_requested ──withdraw──▶ withdrawn
 */
import type { TRole } from "@/lib/auth/permissions";

export const RELEASE_STATES = ["draft", "submitted", "changes_requested", "approved", "superseded", "withdrawn"] as const;
export type TReleaseState = (typeof RELEASE_STATES)[number];

export const RELEASE_EVENTS = ["submit", "requestChanges", "approve", "supersede", "withdraw"] as const;
export type TReleaseEvent = (typeof RELEASE_EVENTS)[number];

export interface TActor {
  id: string;
  roles: readonly TRole[];
  /** a platform operator looking in: never makes a council's decisions */
  viaOperator: boolean;
}

export interface TReleaseFacts {
  state: TReleaseState;
  /** who submitted it for review (null while a draft never submitted) */
  submittedById: string | null;
  /** who uploaded any of the data the score run used */
  dataUploaderIds: readonly string[];
}

export type TTransitionResult =
  | { ok: true; next: TReleaseState }
  | { ok: false; code: "NOT_ALLOWED" | "FOUR_EYES" | "WRONG_STATE" | "ALREADY_APPROVED"; message: string };

const EDGES: Record<TReleaseEvent, { from: readonly TReleaseState[]; to: TReleaseState }> = {
  submit: { from: ["draft", "changes_requested"], to: "submitted" },
  requestChanges: { from: ["submitted"], to: "changes_requested" },
  approve: { from: ["submitted"], to: "approved" },
  supersede: { from: ["approved"], to: "superseded" },
  withdraw: { from: ["draft", "changes_requested"], to: "withdrawn" },
};

const NEEDS_ROLE: Record<Exclude<TReleaseEvent, "supersede">, TRole[]> = {
  submit: ["officer", "admin"],
  withdraw: ["officer", "admin"],
  requestChanges: ["reviewer"],
  approve: ["reviewer"],
};

export const STATE_LABELS: Record<TReleaseState, string> = {
  draft: "Draft",
  submitted: "Awaiting review",
  changes_requested: "Changes requested",
  approved: "Approved",
  superseded: "Superseded",
  withdrawn: "Withdrawn",
};

/**
 * Decide a transition. `supersede` is the system's own move (actor null) when a newer release
 * of the same council is approved; every other event needs a person with the right role.
 *
 * Four-eyes: an approval needs a reviewer who neither submitted the release nor uploaded any
 * of the data it scores. Operators never approve.
 */
export function decideTransition(facts: TReleaseFacts, event: TReleaseEvent, actor: TActor | null): TTransitionResult {
  const edge = EDGES[event];
  if (!edge.from.includes(facts.state)) {
    if (event === "approve" && (facts.state === "approved" || facts.state === "superseded")) {
      return { ok: false, code: "ALREADY_APPROVED", message: "This release has already been approved." };
    }
    return {
      ok: false,
      code: "WRONG_STATE",
      message: `A release that is ${STATE_LABELS[facts.state].toLowerCase()} cannot be ${PAST[event]}.`,
    };
  }
  if (event === "supersede") return actor === null ? { ok: true, next: edge.to } : notAllowed("Only the service supersedes a release.");
  if (!actor || actor.viaOperator) return notAllowed("Platform operators cannot make a council's release decisions.");
  if (!NEEDS_ROLE[event].some((r) => actor.roles.includes(r))) {
    return notAllowed(`Only ${NEEDS_ROLE[event].join(" or ")}s can do that.`);
  }
  if (event === "approve") {
    if (facts.submittedById === actor.id) {
      return { ok: false, code: "FOUR_EYES", message: "You submitted this release, so someone else must approve it (four-eyes)." };
    }
    if (facts.dataUploaderIds.includes(actor.id)) {
      return { ok: false, code: "FOUR_EYES", message: "You uploaded data this release uses, so someone else must approve it (four-eyes)." };
    }
  }
  return { ok: true, next: edge.to };
}

const PAST: Record<TReleaseEvent, string> = {
  submit: "submitted",
  requestChanges: "sent back",
  approve: "approved",
  supersede: "superseded",
  withdraw: "withdrawn",
};

function notAllowed(message: string): TTransitionResult {
  return { ok: false, code: "NOT_ALLOWED", message };
}

/** Whether an approved release is public at `now` (embargo: approved now, published later). */
export function isPublished(release: { state: TReleaseState; publishAt: Date | null }, now: Date): boolean {
  return (release.state === "approved" || release.state === "superseded") && release.publishAt !== null && release.publishAt <= now;
}
