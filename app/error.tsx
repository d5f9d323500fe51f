"use client";

export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-xl">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Try again later. Nothing you were doing has been half-saved.</p>
        {error.digest && <p className="govuk-body">If you contact support, quote reference {error.digest}.</p>}
      </main>
    </div>
  );
}
