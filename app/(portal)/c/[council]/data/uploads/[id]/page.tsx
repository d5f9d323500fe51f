import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getUpload, purgeExpiredUploads, type TUploadView } from "@/lib/uploads";
import { CouncilNav } from "../../../council-nav";
import { CancelUploadForm } from "./forms";
import { StepDone, StepFile, StepLoad, StepMapping, StepValidate } from "./steps";
import { StepReport } from "./step-report";

type TProps = { params: Promise<{ council: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TITLES = ["", "Choose the data", "Upload the file", "Match the columns", "Check the file", "Load the data"];

/** Which step to show: the upload's status decides, so refresh and back always land on the truth. */
function stepOf(u: TUploadView, q: Record<string, string | string[] | undefined>, canUpload: boolean): { step: number; view: string } {
  const open = ["started", "uploaded", "mapped", "validated"].includes(u.status);
  if (!open) return { step: 5, view: u.status };
  if (!canUpload) return { step: 4, view: u.report.summary ? "report" : "waiting" };
  if (u.status === "started" || q.change === "file") return { step: 2, view: "file" };
  if (u.status === "uploaded" || q.change === "mapping") return { step: 3, view: "mapping" };
  if (u.status === "mapped") return { step: 4, view: "validate" };
  const s = u.report.summary;
  if (!s || q.view === "report" || s.errors > 0 || (s.warnings > 0 && !u.warningsAcknowledgedAt)) return { step: 4, view: "report" };
  return { step: 5, view: "load" };
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council, id } = await params;
  return councilMetadata(council, "data:read", async (ctx) => {
    const u = await getUpload(ctx.db, id).catch(() => null);
    return { title: `${u?.filename ?? "Upload data"} – ${ctx.council.name}` };
  });
}

export default async function UploadWizardPage({ params, searchParams }: TProps) {
  const { council, id } = await params;
  const ctx = await councilPage(council, "data:read", `/c/${council}/data/uploads/${id}`);
  await purgeExpiredUploads(ctx.db, new Date());
  const u = await getUpload(ctx.db, id).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const q = await searchParams;
  const canUpload = !ctx.viaOperator && can(ctx.roles, "data:upload");
  const { step, view } = stepOf(u, q, canUpload);
  const base = `/c/${ctx.council.slug}/data`;
  const here = `${base}/uploads/${u.id}`;
  const back = view === "file" ? (u.status === "started" ? base : here) : view === "mapping" ? `${here}?change=file` : view === "load" ? `${here}?view=report` : base;
  const titles: Record<string, string> = {
    loaded: "Data loaded",
    cancelled: "Upload cancelled",
    expired: "Upload expired",
    report: "Validation report",
    validate: "Check the file",
    waiting: "Upload in progress",
  };
  const open = ["started", "uploaded", "mapped", "validated"].includes(u.status);
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="data" />
      <Link href={back} className="govuk-back-link">
        Back
      </Link>
      {open && <span className="govuk-caption-l" data-testid="wizard-step">Step {step} of 5</span>}
      <h1 className="govuk-heading-xl">{titles[view] ?? TITLES[step]}</h1>
      <p className="govuk-body-s" data-testid="upload-facts">
        {u.frameworkEdition.name} (edition {u.frameworkEdition.edition}) · {u.format === "long" ? "long format" : "wide format"} · {u.periods.join(", ")}
        {u.filename ? ` · ${u.filename}` : ""}
      </p>
      {view === "file" && <StepFile council={ctx.council.slug} u={u} />}
      {view === "mapping" && <StepMapping ctx={ctx} u={u} />}
      {view === "validate" && <StepValidate council={ctx.council.slug} u={u} />}
      {view === "report" && <StepReport council={ctx.council.slug} u={u} canUpload={canUpload} filters={q} />}
      {view === "waiting" && <p className="govuk-body">An officer is working on this upload.</p>}
      {view === "load" && <StepLoad council={ctx.council.slug} u={u} />}
      {!open && <StepDone council={ctx.council.slug} u={u} />}
      {open && canUpload && (
        <div className="govuk-!-margin-top-6">
          <CancelUploadForm council={ctx.council.slug} uploadId={u.id} label={u.filename ?? ""} />
        </div>
      )}
    </>
  );
}
