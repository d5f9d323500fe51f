"use client";

import { useState } from "react";
import { formatPence } from "@/lib/billing/money";
import { periodPricePence, planForWards, priceBreakdown, TERM_LABELS, TERMS, TIER_LABELS, TIERS, type TPlanPrice, type TTerm, type TTier } from "@/lib/billing/pricing";

export interface TCalcInput {
  wards: string;
  tier: TTier;
  term: TTerm;
}

/**
 * The cost calculator. Without JavaScript it is a GET form (/pricing?wards=…&tier=…&term=…) that
 * the server answers; with JavaScript the result updates as you type. The same pure pricing
 * functions compute both.
 */
export function PriceCalculator({ plans, initial }: { plans: TPlanPrice[]; initial: TCalcInput }) {
  const [v, setV] = useState<TCalcInput>(initial);
  const wards = Number(v.wards);
  const plan = planForWards(plans, v.tier, wards);
  const price = plan ? priceBreakdown(periodPricePence(plan, v.term), v.term, wards) : null;
  const per = v.term === "annual" ? "a year" : "a quarter";
  return (
    <form method="get" action="/pricing#calculator" data-testid="price-calculator" id="calculator">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="calc-wards">
          Number of wards
        </label>
        <div className="govuk-hint" id="calc-wards-hint">
          Barking and Dagenham has 17 wards on its 2013 boundaries
        </div>
        <input className="govuk-input govuk-input--width-4" id="calc-wards" name="wards" type="text" inputMode="numeric" aria-describedby="calc-wards-hint" value={v.wards} onChange={(e) => setV({ ...v, wards: e.target.value })} />
      </div>
      {(
        [
          ["tier", "Tier", TIERS, TIER_LABELS],
          ["term", "Billing", TERMS, TERM_LABELS],
        ] as const
      ).map(([name, legend, options, labels]) => (
        <div className="govuk-form-group" key={name}>
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
            <div className="govuk-radios govuk-radios--small govuk-radios--inline">
              {options.map((o) => (
                <div className="govuk-radios__item" key={o}>
                  <input className="govuk-radios__input" id={`calc-${name}-${o}`} name={name} type="radio" value={o} checked={v[name] === o} onChange={() => setV({ ...v, [name]: o })} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`calc-${name}-${o}`}>
                    {(labels as Record<string, string>)[o]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      ))}
      <button type="submit" className="govuk-button govuk-button--secondary">
        Calculate
      </button>
      <div aria-live="polite" data-testid="price-result">
        {price && plan ? (
          <dl className="govuk-summary-list">
            {[
              ["Plan", plan.name],
              [`Price ${per}, excluding VAT`, formatPence(price.netPence)],
              ["VAT at 20%", formatPence(price.vatPence)],
              [`Total ${per}, including VAT`, formatPence(price.totalPence)],
              ["A year, excluding VAT", formatPence(price.annualNetPence)],
              ["Per ward a year, excluding VAT", formatPence(price.perWardAnnualPence)],
            ].map(([k, val]) => (
              <div className="govuk-summary-list__row" key={k}>
                <dt className="govuk-summary-list__key">{k}</dt>
                <dd className="govuk-summary-list__value">{val}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="govuk-body">Enter a whole number of wards, 1 or more, to see the price.</p>
        )}
      </div>
    </form>
  );
}
