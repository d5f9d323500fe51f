import { describe, expect, it } from "vitest";
import { decideTransition, isPublished, RELEASE_EVENTS, RELEASE_STATES, type TActor, type TReleaseEvent, type TReleaseState } from "./state-machine";

const officer: TActor = { id: "u-officer", roles: ["officer"], viaOperator: false };
const reviewer: TActor = { id: "u-reviewer", roles: ["reviewer"], viaOperator: false };
const reviewer2: TActor = { id: "u-reviewer2", roles: ["reviewer"], viaOperator: false };
const admin: TActor = { id: "u-admin", roles: ["admin"], viaOperator: false };
const operator: TActor = { id: "u-op", roles: [], viaOperator: true };
const facts = (state: TReleaseState, extra: Partial<{ submittedById: string; dataUploaderIds: string[] }> = {}) => ({
  state,
  submittedById: extra.submittedById ?? "u-officer",
  dataUploaderIds: extra.dataUploaderIds ?? ["u-officer"],
});

// every allowed edge, with an actor who may take it
const ALLOWED: Array<[TReleaseState, TReleaseEvent, TActor | null, TReleaseState]> = [
  ["draft", "submit", officer, "submitted"],
  ["draft", "submit", admin, "submitted"],
  ["changes_requested", "submit", officer, "submitted"],
  ["submitted", "requestChanges", reviewer, "changes_requested"],
  ["submitted", "approve", reviewer, "approved"],
  ["approved", "supersede", null, "superseded"],
  ["draft", "withdraw", officer, "withdrawn"],
  ["changes_requested", "withdraw", admin, "withdrawn"],
];

describe("release state machine", () => {
  it.each(ALLOWED)("%s --%s--> %s", (state, event, actor, next) => {
    expect(decideTransition(facts(state), event, actor)).toEqual({ ok: true, next });
  });

  it("refuses every transition that is not an edge", () => {
    const allowed = new Set(ALLOWED.map(([s, e]) => `${s}/${e}`));
    let refused = 0;
    for (const s of RELEASE_STATES) {
      for (const e of RELEASE_EVENTS) {
        if (allowed.has(`${s}/${e}`)) continue;
        const r = decideTransition(facts(s), e, e === "supersede" ? null : e === "approve" || e === "requestChanges" ? reviewer : officer);
        expect(r.ok, `${s}/${e}`).toBe(false);
        refused++;
      }
    }
    expect(refused).toBe(RELEASE_STATES.length * RELEASE_EVENTS.length - allowed.size);
  });

  it("says 'already approved' to a second approver", () => {
    expect(decideTransition(facts("approved"), "approve", reviewer2)).toMatchObject({ ok: false, code: "ALREADY_APPROVED" });
  });

  it("four-eyes: the submitter cannot approve, nor anyone who uploaded the data", () => {
    const both: TActor = { id: "u-both", roles: ["reviewer", "officer"], viaOperator: false };
    expect(decideTransition(facts("submitted", { submittedById: "u-both" }), "approve", both)).toMatchObject({ code: "FOUR_EYES" });
    expect(decideTransition(facts("submitted", { dataUploaderIds: ["u-reviewer"] }), "approve", reviewer)).toMatchObject({ code: "FOUR_EYES" });
    expect(decideTransition(facts("submitted", { dataUploaderIds: ["u-reviewer"] }), "approve", reviewer2)).toEqual({ ok: true, next: "approved" });
  });

  it("roles: officers cannot approve or send back; reviewers cannot submit; operators decide nothing", () => {
    expect(decideTransition(facts("submitted"), "approve", officer)).toMatchObject({ code: "NOT_ALLOWED" });
    expect(decideTransition(facts("submitted"), "requestChanges", admin)).toMatchObject({ code: "NOT_ALLOWED" });
    expect(decideTransition(facts("draft"), "submit", reviewer)).toMatchObject({ code: "NOT_ALLOWED" });
    for (const e of ["submit", "approve", "requestChanges", "withdraw"] as const) {
      expect(decideTransition(facts(e === "submit" || e === "withdraw" ? "draft" : "submitted"), e, operator)).toMatchObject({ ok: false });
    }
    expect(decideTransition(facts("approved"), "supersede", reviewer)).toMatchObject({ code: "NOT_ALLOWED" });
  });

  it("an approved release is public only from its publication time (embargo)", () => {
    const at = new Date("2026-12-01T09:30:00Z");
    expect(isPublished({ state: "approved", publishAt: at }, new Date("2026-12-01T09:29:59Z"))).toBe(false);
    expect(isPublished({ state: "approved", publishAt: at }, at)).toBe(true);
    expect(isPublished({ state: "superseded", publishAt: at }, new Date("2027-01-01"))).toBe(true);
    expect(isPublished({ state: "submitted", publishAt: at }, new Date("2027-01-01"))).toBe(false);
    expect(isPublished({ state: "approved", publishAt: null }, new Date("2027-01-01"))).toBe(false);
  });
});
