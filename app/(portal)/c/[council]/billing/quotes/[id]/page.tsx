import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuoteDocument } from "@/components/billing/quote-document";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import type { TCouncilContext } from "@/lib/auth/require-council";
import { can } from "@/lib/auth/permissions";
import { getQuote, isExpired } from "@/lib/billing/quotes";
import { isAppError } from "@/lib/errors";
import { CouncilNav } from "../../../council-nav";
import { AcceptQuoteForm } from "./accept-form";

type TProps = { params: Promise<{ council: string; id: string }> };

async function load(ctx: TCouncilContext, id: string) {
  try {
    return await getQuote(ctx.db, id);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council, id } = await params;
  return councilMetadata(council, "billing:read", async (ctx) => {
    const quote = await load(ctx, id);
    return { title: `Quote ${quote.reference} – ${ctx.council.name}` };
  });
}

export default async function QuotePage({ params }: TProps) {
  const { council, id } = await params;
  const ctx = await councilPage(council, "billing:read", `/c/${council}/billing/quotes/${id}`);
  const quote = await load(ctx, id);
  const expired = isExpired(quote);
  const q = expired ? { ...quote, status: "expired" } : quote;
  const manage = !ctx.viaOperator && can(ctx.roles, "billing:manage");
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="billing" />
      <p className="govuk-body lspi-no-print">
        <Link className="govuk-back-link" href={`/c/${ctx.council.slug}/billing`}>
          Back to billing
        </Link>
      </p>
      <QuoteDocument q={q} councilName={ctx.council.name} />
      {quote.status === "requested" && <p className="govuk-inset-text lspi-no-print">Local SPI is reviewing this quote. You can accept it once it is approved.</p>}
      {quote.status === "approved" && !expired && manage && (
        <>
          <h2 className="govuk-heading-l lspi-no-print">Accept this quote</h2>
          <AcceptQuoteForm council={ctx.council.slug} quoteId={quote.id} poRequired={quote.poRequired} />
        </>
      )}
    </>
  );
}
