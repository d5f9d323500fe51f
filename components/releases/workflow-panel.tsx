import type { TRole } from "@/lib/auth/permissions";
import type { TReleaseForReview } from "@/lib/releases/queries";
import { decideTransition, STATE_LABELS, type TReleaseEvent } from "@/lib/releases/state-machine";
import { dateTime } from "./format";
import { ApproveForm, RequestChangesForm, SubmitForm, WithdrawForm } from "./workflow-forms";

const EVENTS: Array<{ event: Exclude<TReleaseEvent, "supersede">; label: string }> = [
  { event: "submit", label: "Submit for review" },
  { event: "requestChanges", label: "Request changes" },
  { event: "approve", label: "Approve" },
  { event: "withdraw", label: "Withdraw" },
];

/**
 * What the viewer can do with this release now, decided by the same pure state machine the
 * server enforces, and why anything relevant to this state is not available to them.
 */
export function WorkflowPanel({
  council,
  data,
  viewer,
}: {
  council: string;
  data: Pick<TReleaseForReview, "release" | "dataUploaderIds">;
  viewer: { id: string; roles: TRole[]; viaOperator: boolean };
}) {
  const { release } = data;
  const facts = { state: release.state, submittedById: release.submittedById, dataUploaderIds: data.dataUploaderIds };
  const decisions = EVENTS.map((e) => ({ ...e, d: decideTransition(facts, e.event, viewer) }));
  const open = decisions.filter((x) => x.d.ok);
  // a refusal for the wrong state is noise; one for role or four-eyes explains the screen
  const refused = decisions.filter((x) => !x.d.ok && x.d.code !== "WRONG_STATE" && x.d.code !== "ALREADY_APPROVED");
  const lock = { council, releaseId: release.id, lockVersion: release.lockVersion };
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="workflow-heading" data-testid="workflow-panel">
      <h2 className="govuk-heading-m" id="workflow-heading">
        Review and approval
      </h2>
      <p className="govuk-body">{stateSentence(release)}</p>
      {refused.length > 0 && (
        <div className="govuk-inset-text" data-testid="workflow-explanations">
          <ul className="govuk-list">
            {refused.map((x) => (
              <li key={x.event}>
                <strong>{x.label}:</strong> {x.d.ok ? "" : x.d.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {open.map((x) => (
        <div key={x.event} className="govuk-!-margin-bottom-4">
          {x.event === "submit" && <SubmitForm {...lock} />}
          {x.event === "requestChanges" && <RequestChangesForm {...lock} />}
          {x.event === "approve" && <ApproveForm {...lock} />}
          {x.event === "withdraw" && <WithdrawForm {...lock} />}
        </div>
      ))}
    </section>
  );
}

function stateSentence(r: TReleaseForReview["release"]): string {
  switch (r.state) {
    case "draft":
      return "This release is a draft. An officer checks it and submits it for review.";
    case "submitted":
      return `Awaiting review${r.submittedBy ? `: submitted by ${r.submittedBy}` : ""}. A reviewer who neither submitted it nor loaded its data approves it or sends it back.`;
    case "changes_requested":
      return "A reviewer asked for changes (see the comments). An officer answers them and submits it again.";
    case "approved":
      return r.published
        ? `Approved and published${r.publishAt ? ` on ${dateTime.format(r.publishAt)}` : ""}. It can no longer change: a correction is a new release.`
        : `Approved and embargoed until ${r.publishAt ? dateTime.format(r.publishAt) : "its publication time"} (UK time). It can no longer change.`;
    default:
      return `This release is ${STATE_LABELS[r.state].toLowerCase()}; it can no longer change.`;
  }
}
