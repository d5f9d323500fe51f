import Link from "next/link";

/** The heading of every "Page not found" page and (with the service name) its browser title. */
export const NOT_FOUND_TITLE = "Page not found";

/** The body of every "Page not found" page: the same words whether a page is missing or hidden. */
export function NotFoundContent() {
  return (
    <>
      <h1 className="govuk-heading-xl">{NOT_FOUND_TITLE}</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        If the page belongs to a council, you need to be a member of that council to see it.{" "}
        <Link className="govuk-link" href="/c">
          Go to your councils
        </Link>
        .
      </p>
    </>
  );
}
