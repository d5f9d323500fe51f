/** Dates on billing pages: "28 November 2026", UK time. */
export const billingDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

export const QUOTE_STATUS_LABELS: Record<string, string> = {
  requested: "Awaiting review",
  approved: "Approved: ready to accept",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
};

/** GOV.UK tag colours by status. */
export function tagClass(status: string): string {
  if (["paid", "active", "accepted", "approved"].includes(status)) return "govuk-tag govuk-tag--green";
  if (["past_due", "unpaid", "uncollectible", "declined", "overdue"].includes(status)) return "govuk-tag govuk-tag--red";
  if (["open", "requested", "pilot"].includes(status)) return "govuk-tag govuk-tag--blue";
  return "govuk-tag govuk-tag--grey";
}
