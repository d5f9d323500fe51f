import type { Metadata } from "next";
import Link from "next/link";
import { operatorMetadata, operatorPage } from "@/lib/auth/page-guards";
import { prisma } from "@/lib/db/client";
import { findPlans } from "@/lib/billing/plans";
import { TIER_LABELS } from "@/lib/billing/pricing";
import { PlanEditForm } from "../operator-forms";

export function generateMetadata(): Promise<Metadata> {
  return operatorMetadata({ title: "Plans and prices – operator console" }, "/operator/billing/plans");
}

const pounds = (pence: number) => (pence / 100).toFixed(2);

export default async function OperatorPlansPage() {
  await operatorPage("/operator/billing/plans");
  const plans = await findPlans(prisma);
  return (
    <>
      <span className="govuk-caption-l">Platform operator</span>
      <h1 className="govuk-heading-xl">Plans and prices</h1>
      <p className="govuk-body">
        Prices are per council-size band (number of wards) and tier, in pounds excluding VAT. Changes apply to new quotes and the{" "}
        <Link className="govuk-link" href="/pricing">pricing page</Link>; quotes already issued and running subscriptions keep their prices.{" "}
        <Link className="govuk-link" href="/operator/billing">Back to billing</Link>
      </p>
      {plans.map((p) => (
        <section key={p.id} className="govuk-!-margin-bottom-6" aria-labelledby={`h-${p.code}`}>
          <h2 className="govuk-heading-m" id={`h-${p.code}`}>
            {TIER_LABELS[p.tier]}: {p.minWards}
            {p.maxWards === null ? " or more" : ` to ${p.maxWards}`} wards ({p.code})
          </h2>
          <PlanEditForm plan={{ id: p.id, code: p.code, name: p.name, annual: pounds(p.annualPricePence), quarterly: pounds(p.quarterlyPricePence), active: p.active }} />
        </section>
      ))}
    </>
  );
}
