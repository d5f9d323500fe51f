import { STATE_LABELS, type TReleaseState } from "@/lib/releases/state-machine";

const COLOURS: Record<TReleaseState, string> = {
  draft: "govuk-tag--grey",
  submitted: "govuk-tag--blue",
  changes_requested: "govuk-tag--orange",
  approved: "govuk-tag--green",
  superseded: "govuk-tag--grey",
  withdrawn: "govuk-tag--grey",
};

export function ReleaseStateTag({ state, published }: { state: TReleaseState; published: boolean }) {
  const label = state === "approved" && !published ? "Approved (embargoed)" : state === "approved" ? "Published" : STATE_LABELS[state];
  return <strong className={`govuk-tag ${COLOURS[state]}`}>{label}</strong>;
}
