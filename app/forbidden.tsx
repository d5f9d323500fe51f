import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "@/components/layout/page-shell";
import { FORBIDDEN_TITLE } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: FORBIDDEN_TITLE };

export default function Forbidden() {
  return (
    <PageShell>
      <h1 className="govuk-heading-xl">{FORBIDDEN_TITLE}</h1>
      <p className="govuk-body">
        Your roles in this council do not include this. Ask your council&apos;s Local SPI administrator if you need access.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/c">Go to your councils</Link>
      </p>
    </PageShell>
  );
}
