/** "London wards 2015": the Opportunity dimension (see london-indicators.ts). */
import { atlas, type DimensionDef } from "./london-indicator-helpers";
import { combine, series } from "./london-source";

export const OPPORTUNITY: DimensionDef = {
  code: "opp",
  name: "Opportunity",
  components: [
    {
      code: "personal_rights",
      name: "Personal Rights",
      indicators: [
        {
          code: "turnout_borough_pct",
          name: "Turnout at borough council elections",
          unit: "%",
          direction: 1,
          source:
            "turnout_borough_pct, 2006 and 2014 (2010 left out: same day as the general election)",
          plausible: [10, 90],
          derive: atlas("turnout_borough_pct", [2010]),
          note: "2010 borough turnout (London median 62 % against 38 % in 2006 and 39 % in 2014) was driven by the general election held the same day; including it would show every ward 'worsening' in 2014.",
        },
        {
          code: "turnout_mayoral_pct",
          name: "Turnout at London mayoral elections",
          unit: "%",
          direction: 1,
          source: "turnout_mayoral_pct (2008, 2012)",
          plausible: [10, 90],
          derive: atlas("turnout_mayoral_pct"),
        },
      ],
    },
    {
      code: "freedom_choice",
      name: "Personal Freedom and Choice",
      indicators: [
        {
          code: "ptal_avg",
          name: "Average public transport accessibility score (PTAL)",
          unit: "score",
          direction: 1,
          source: "ptal_avg (2010, 2011, 2012, 2014)",
          plausible: [0, 10],
          derive: atlas("ptal_avg"),
          note: "Freedom of movement: reaching work, services and leisure without a car.",
        },
        {
          code: "hh_no_english_pct",
          name: "Households where no one has English as a main language (Census)",
          unit: "%",
          direction: -1,
          source:
            "hh_no_english_n ÷ (hh_no_english_n + hh_some_english_n) × 100 (2011 Census)",
          plausible: [0, 60],
          derive: (ctx) =>
            combine(
              series(ctx, "hh_no_english_n"),
              series(ctx, "hh_some_english_n"),
              (n, s) => (n + s > 0 ? (100 * n) / (n + s) : null),
            ),
          note: "A barrier to using services and taking up opportunities, not a deficit of residents; read with care.",
        },
      ],
    },
    {
      code: "advanced_education",
      name: "Access to Advanced Education",
      indicators: [
        {
          code: "level4_qual_pct",
          name: "Residents aged 16+ with Level 4 qualifications or above (Census)",
          unit: "%",
          direction: 1,
          source: "qual_level4plus_pct (2011 Census)",
          plausible: [0, 100],
          derive: atlas("qual_level4plus_pct"),
        },
        {
          code: "alevel_aps_entry",
          name: "A-level average point score per entry",
          unit: "points",
          direction: 1,
          source:
            "alevel_aps_entry (2013, 2014 = academic years 2012/13, 2013/14)",
          plausible: [100, 300],
          derive: atlas("alevel_aps_entry"),
        },
      ],
    },
  ],
};
