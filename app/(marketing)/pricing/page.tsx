import type { Metadata } from "next";
import { PriceCalculator, type TCalcInput } from "@/components/billing/price-calculator";
import { PageShell } from "@/components/layout/page-shell";
import { BUSINESS_CASE_ASSUMPTIONS as A, inHouseCostPence } from "@/lib/billing/business-case";
import { formatPence } from "@/lib/billing/money";
import { findPlans, TIER_FEATURES } from "@/lib/billing/plans";
import { periodPricePence, planForWards, TERMS, TIER_LABELS, TIERS, type TTerm, type TTier } from "@/lib/billing/pricing";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Pricing" };
export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PricingPage({ searchParams }: TProps) {
  const sp = await searchParams;
  const plans = (await findPlans(prisma, { activeOnly: true })).map((p) => ({ ...p, tier: p.tier as TTier }));
  const tier = one(sp.tier);
  const term = one(sp.term);
  const initial: TCalcInput = {
    wards: (one(sp.wards) ?? "17").slice(0, 6),
    tier: (TIERS as readonly string[]).includes(tier ?? "") ? (tier as TTier) : "standard",
    term: (TERMS as readonly string[]).includes(term ?? "") ? (term as TTerm) : "annual",
  };
  const inHouse = inHouseCostPence();
  const lbbd = planForWards(plans, "standard", 17);
  const service = lbbd ? periodPricePence(lbbd, "annual") * A.years : null;
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Pricing</h1>
          <p className="govuk-body-l">One price a year for your council, set by its number of wards and the tier you choose. Prices exclude VAT, charged at 20%.</p>
          {plans.length === 0 && <p className="govuk-body">Prices are being updated. Contact billing@localspi.example for a quote.</p>}
          {TIERS.map((t) => (
            <section key={t} aria-labelledby={`tier-${t}`}>
              <h2 className="govuk-heading-l" id={`tier-${t}`}>{TIER_LABELS[t]}</h2>
              <ul className="govuk-list govuk-list--bullet">
                {TIER_FEATURES[t].map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
              <table className="govuk-table" data-testid={`prices-${t}`}>
                <caption className="govuk-table__caption govuk-table__caption--s">{TIER_LABELS[t]} prices by council size, excluding VAT</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Wards</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Billed annually</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Billed quarterly (each quarter)</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {plans.filter((p) => p.tier === t).map((p) => (
                    <tr className="govuk-table__row" key={p.id}>
                      <th scope="row" className="govuk-table__header">{p.maxWards === null ? `${p.minWards} or more` : `${p.minWards} to ${p.maxWards}`}</th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(p.annualPricePence, { whole: true })}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(p.quarterlyPricePence, { whole: true })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <h2 className="govuk-heading-l">Cost calculator</h2>
          <PriceCalculator plans={plans} initial={initial} />
          <h2 className="govuk-heading-l">The business case in brief</h2>
          <p className="govuk-body">
            In 2018 the London Borough of Barking and Dagenham built a ward-level Social Progress Index as a one-off discovery project. We do not
            publish what it cost. Instead, here is an estimate of what building and maintaining such an index in-house would cost, from assumptions you
            can replace with your own figures:
          </p>
          <ul className="govuk-list govuk-list--bullet" data-testid="business-case-assumptions">
            <li>Assumption: building a first index takes {A.buildAnalystDays} analyst days (indicator search, data collection, method, checks, write-up).</li>
            <li>Assumption: refreshing it each later year takes {A.refreshAnalystDays} analyst days.</li>
            <li>Assumption: an analyst day costs {formatPence(A.dayRatePence, { whole: true })}, including on-costs or as a contractor&apos;s day rate.</li>
            <li>Compared over {A.years} years.</li>
          </ul>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">In-house, estimated</dt>
              <dd className="govuk-summary-list__value">
                {formatPence(inHouse.totalPence, { whole: true })} over {A.years} years ({formatPence(inHouse.buildPence, { whole: true })} to build, then{" "}
                {formatPence(inHouse.refreshPence, { whole: true })} a year)
              </dd>
            </div>
            {service !== null && (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Local SPI Standard, 17 wards</dt>
                <dd className="govuk-summary-list__value">{formatPence(service, { whole: true })} over {A.years} years, excluding VAT, with the review, publishing and open data included</dd>
              </div>
            )}
          </dl>
          <p className="govuk-body-s">These are illustrative estimates, not the cost of any council&apos;s actual project.</p>
        </div>
      </div>
    </PageShell>
  );
}
