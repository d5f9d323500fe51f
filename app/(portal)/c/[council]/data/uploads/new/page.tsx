import type { Metadata } from "next";
import Link from "next/link";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { findFrameworkEditions } from "@/lib/uploads";
import { CouncilNav } from "../../../council-nav";
import { NewUploadForm } from "./new-upload-form";

type TProps = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "data:upload", (ctx) => ({ title: `Upload data – ${ctx.council.name}` }));
}

export default async function NewUploadPage({ params }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "data:upload", `/c/${council}/data/uploads/new`);
  const editions = await findFrameworkEditions(ctx.db);
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="data" />
      <Link href={`/c/${ctx.council.slug}/data`} className="govuk-back-link">
        Back
      </Link>
      <span className="govuk-caption-l" data-testid="wizard-step">
        Step 1 of 5
      </span>
      <h1 className="govuk-heading-xl">Choose the data</h1>
      <p className="govuk-body">
        Say which framework the figures are for and which years the file holds. Next you upload the file; nothing is loaded until you have
        seen the validation report.
      </p>
      {editions.length === 0 ? (
        <p className="govuk-body">No framework edition has been published yet. Ask the platform operator.</p>
      ) : (
        <NewUploadForm council={ctx.council.slug} editions={editions} />
      )}
    </>
  );
}
