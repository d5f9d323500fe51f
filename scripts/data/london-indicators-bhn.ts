/** "London wards 2015": the Basic Human Needs dimension (see london-indicators.ts). */
import { atlas, per, type DimensionDef } from "./london-indicator-helpers";
import { combine, series } from "./london-source";

export const BASIC_HUMAN_NEEDS: DimensionDef = {
  code: "bhn",
  name: "Basic Human Needs",
  components: [
    {
      code: "nutrition_medical",
      name: "Nutrition and Basic Medical Care",
      indicators: [
        {
          code: "obese_reception_pct",
          name: "Children in Reception (age 4–5) who are obese",
          unit: "%",
          direction: -1,
          source: "obese_reception_pct (NCMP, rolling 3 school years)",
          plausible: [0, 40],
          derive: atlas("obese_reception_pct"),
        },
        {
          code: "obese_y6_pct",
          name: "Children in Year 6 (age 10–11) who are obese",
          unit: "%",
          direction: -1,
          source: "obese_y6_pct (NCMP, rolling 3 school years)",
          plausible: [0, 50],
          derive: atlas("obese_y6_pct"),
        },
        {
          code: "smr",
          name: "Standardised mortality ratio, all ages (England = 100)",
          unit: "ratio",
          direction: -1,
          source: "smr",
          plausible: [10, 300],
          derive: atlas("smr"),
        },
        {
          code: "amb_all_rate",
          name: "Ambulance incidents per 1,000 residents",
          unit: "incidents per 1,000 residents",
          direction: -1,
          source: "amb_all_n ÷ resident population × 1,000",
          capP99: true,
          plausible: [0, 2000],
          derive: per(["amb_all_n"], 1000),
          note: "Acute medical need; central wards are inflated by non-residents, hence the cap.",
        },
      ],
    },
    {
      code: "shelter",
      name: "Shelter",
      indicators: [
        {
          code: "persons_per_dwelling",
          name: "Residents per dwelling (crowding proxy)",
          unit: "persons per dwelling",
          direction: -1,
          source: "resident population ÷ dwellings_n (council-tax register)",
          plausible: [0.5, 6],
          derive: (ctx) =>
            combine(
              series(ctx, "dwellings_n").map((o) => ({
                ...o,
                value: ctx.population(o.area, o.period) ?? NaN,
              })),
              series(ctx, "dwellings_n"),
              (p, d) => (d > 0 ? p / d : null),
            ),
          note: "Census overcrowding is not in the atlas; residents per dwelling tracks it but is also low where many homes are second homes (central London).",
        },
        {
          code: "house_price_income_ratio",
          name: "Median house price ÷ median household income",
          unit: "ratio",
          direction: -1,
          source:
            "house_price_median (calendar year) ÷ hh_income_median (financial year ending that year): 2002, 2008, 2013",
          capP99: true,
          plausible: [1, 60],
          derive: (ctx) =>
            combine(
              series(ctx, "house_price_median"),
              series(ctx, "hh_income_median"),
              (p, i) => (i > 0 ? p / i : null),
            ),
          note: "Affordability of local homes to a local median household; uses income only as a denominator.",
        },
      ],
    },
    {
      code: "personal_safety",
      name: "Personal Safety",
      indicators: [
        {
          code: "crime_rate",
          name: "Recorded crime per 1,000 residents",
          unit: "offences per 1,000 residents",
          direction: -1,
          source:
            "crime_n ÷ resident population × 1,000 (financial year, population of its end year)",
          capP99: true,
          plausible: [0, 5000],
          derive: per(["crime_n"], 1000),
        },
        {
          code: "violence_rate",
          name: "Violence against the person per 1,000 residents",
          unit: "offences per 1,000 residents",
          direction: -1,
          source: "crime_vap_n ÷ resident population × 1,000",
          capP99: true,
          plausible: [0, 1000],
          derive: per(["crime_vap_n"], 1000),
        },
        {
          code: "amb_assault_rate",
          name: "Assaults attended by ambulance per 1,000 residents",
          unit: "incidents per 1,000 residents",
          direction: -1,
          source: "amb_assault_n ÷ resident population × 1,000",
          capP99: true,
          plausible: [0, 200],
          derive: per(["amb_assault_n"], 1000),
        },
        {
          code: "fires_deliberate_rate",
          name: "Deliberate fires per 1,000 residents",
          unit: "fires per 1,000 residents",
          direction: -1,
          source: "fires_deliberate_n ÷ resident population × 1,000",
          capP99: true,
          plausible: [0, 100],
          derive: per(["fires_deliberate_n"], 1000),
        },
        {
          code: "road_ksi_rate",
          name: "People killed or seriously injured on the roads per 10,000 residents",
          unit: "casualties per 10,000 residents",
          direction: -1,
          source:
            "(road_fatal_n + road_serious_n) ÷ resident population × 10,000",
          capP99: true,
          plausible: [0, 500],
          derive: per(["road_fatal_n", "road_serious_n"], 10000),
        },
      ],
    },
  ],
};
