/** Prose sections of data/frameworks/london-wards-2015/README.md (decisions and their reasons). */

export const CHANGES = `## What changed from the suggested mapping, and why

The suggested mapping (\`../shared/data/london/README.md\`) was reviewed against the SPI method:
outcomes, not inputs; no economic indicators; several periods so direction of travel means something.

- **Economic indicators removed from scoring.** Housing Benefit rate (#5), JSA (#37), out-of-work benefits
  (#38), ESA (#24), children in out-of-work households (#39), lone parents / households with no adult in
  employment (#35, #36), IDAOPI (#42) and the IMD measures (#40, #41) are income, employment or benefit
  measures — the SPI deliberately leaves these out so that social progress can be compared *with* economic
  development. IMD is also a composite whose health, education, crime and environment domains would
  double-count other components. Median household income is kept as the peer covariate (\`areas.csv\`).
- **"ctx"/ambiguous rows resolved.** Tenure shares (#8–#10) have no agreed direction: left out. Council-tax
  bands A/B (#6) describe the housing stock, not people's shelter: left out. Cars per household (#32):
  ambiguous (emissions vs access): left out. Population density (#33): context.
- **Counts turned into rates** with the resident population of the year the period is stamped with:
  crime and violence (#11, #12 — both recomputed from counts so they share one denominator rule),
  ambulance incidents (#3, #15), deliberate fires (#13), killed or seriously injured (#14, per 10,000).
- **Skewed resident-based rates capped** at the pooled London 99th percentile (crime, violence, ambulance,
  alcohol, fires, KSI, price/income). West End, the City and Heathrow-side wards have few residents and
  many visitors; without a cap their values set the dystopia and squeeze every residential ward into the
  top few points of the scale.
- **Outlier tails winsorised** (all other indicators): where the most extreme value lies more than a quarter
  of the central range (1st–99th percentile, pooled over all wards and years) beyond that percentile, the
  indicator gets a \`floor\`/\`cap\` transform at the percentile (rounded to 3 significant figures). Small
  wards produce a few extreme values (SMR 29 or 222, male life expectancy 98, GCSE 122) that would otherwise
  set the bounds. The transforms are in \`framework.json\` and the engine applies them, so bounds and scores
  stay consistent.
- **Shelter rebuilt.** Of the suggestions only the affordability ratio (#7) is an outcome; added
  residents per dwelling (annual 2001–2015) as a crowding proxy. Repossession orders (2011) were
  considered and rejected: counts under 10 are suppressed and whole boroughs (Havering among them) are blank.
- **Series breaks removed.** GCSE 2014 (Wolf-review rule change) and borough turnout 2010 (same day as the
  general election) are left out so that year-on-year change is not an artefact.
- **Redundant measures trimmed.** One absence measure (unauthorised, as in the ward profiles), one
  air pollutant (NO2; PM10 and NOx come from the same LAEI model for the same two years), life expectancy
  at birth (male and female) rather than also at 65, A-level points per entry (quality) rather than also
  per student (volume).
- **Component moves.** PTAL (#19) and household language (#20) are in *Personal Freedom and Choice*
  (freedom of movement; language as a barrier to services and opportunities) rather than presented as
  *Access to Information and Communications*, which they do not measure. SMR (atlas only) is in
  *Nutrition and Basic Medical Care*; life expectancy in *Health and Wellness*.`;

export const LEFT_OUT = `## Components and indicators left out

This edition has **9 components** (3 per dimension), not 12. The engine supports variable counts; a
dimension is the mean of the components it has.

- **Water and Sanitation** — no ward-level data exist; in London access to piped water and sewerage is
  universal, so the component would not discriminate between wards. Borough-level proxies (e.g. water
  company leakage) do not vary by ward. Dropped.
- **Access to Information and Communications** — nothing on broadband, internet use or mobile access in
  the atlas. PTAL and household language are not information access and were moved (see above). A council
  can restore the component in a later edition with Ofcom *Connected Nations* broadband data (output-area
  level) or digital-exclusion survey data.
- **Inclusiveness** — every ward-level candidate is an income, employment or benefit measure (child
  poverty, children in out-of-work households, IDAOPI, IMD). Dropped rather than filled with economic data;
  candidates for a later edition: hate-crime rates (MPS, by ward), or survey items on belonging.
- **Indicators not used:** subjective well-being (one period, a model-based small-area estimate rather than
  an observation); % limited a lot (2011 only, near-duplicate of bad health, and a second single-period
  item would leave Health and Wellness unscorable after 2013); cycling to work (2001/2011 only; an outer-London
  penalty for distance rather than environmental quality); greenspace 2005 land-use (different method);
  students (skewed by halls); vacant household spaces (second homes in central London, ambiguous);
  IMD and its sub-indices (economic, composite).`;

export const PERIOD_RULES = `## Periods, denominators, areas

**Every period is stamped with the calendar year in which it ends** (the column \`period_end\` of the
atlas dictionary), one rule for all indicators:
- calendar year 2014 → 2014; academic year (GCSE, A-level, absence) as labelled by the exam/summer year,
  e.g. A-level 2013/14 → 2014;
- financial year 2014/15 → 2015 (crime); household income 2012/13 → 2013;
- rolling multi-year periods → their last year: life expectancy 2009-2013 → 2013, childhood obesity
  2011/12–2013/14 → 2014;
- Census 2011 → 2011; undated atlas columns are not used.

Using the end year means a value is never stamped before all of its data existed, and the financial-year
crime series lines up with the edition ("2015" = data to March 2015). The affordability ratio pairs the
median house price of calendar year Y with the income of the financial year ending in Y (2002, 2008, 2013).

**Rates** = count ÷ resident population of the stamped year × 1,000 (KSI × 10,000). This matches the GLA
ward profiles' violence rate for 2014/15 (which uses the 2015 population); the GLA's published total crime
rate used lagged populations in some years, so \`crime_rate\` here differs from it by a few per cent.

**\`areas.csv\`**: all 625 ward units; \`parent_code\` = borough GSS code, empty for the City of London:
its one ward unit \`E09000001\` is the borough itself, and an area cannot be its own parent (aggregation to
parents gives the 32 other boroughs; the City's own scores are its borough's); \`area_name\` = ONS spelling
from the boundary file; \`population\` = ONS mid-year estimate
**2013** (the latest in the atlas, rounded to 50 by the GLA); \`peer_value\` = **modelled median household
income 2012/13 (£, GLA)**. Income is the local analogue of the GDP-per-capita / median-income covariates
that the global and US SPIs use for peer groups: it is purely economic, so peers are "wards with similar
means" and the scorecard asks whether a ward turns its means into social progress better or worse than they
do. The IMD 2010 score was rejected as the covariate because it already contains health, education, crime
and environment outcomes — peers chosen on it would be pre-matched on the very things being scored.`;

export const LICENCE = `## Licence and attribution

Contains public sector information licensed under the Open Government Licence v3.0. Source: Greater London
Authority, Ward Profiles and Atlas (London Datastore). The underlying data come from ONS, DWP, MPS, LFB,
LAS, DfE, HM Land Registry and others, as republished by the GLA. Ward names in \`areas.csv\` come from the
ONS boundaries: "Contains National Statistics data © Crown copyright and database right 2014. Contains OS
data © Crown copyright and database right 2014" (via UK-GeoJSON by Martin Chorley, CC BY 4.0).

Derived values (rates, ratios, caps, bounds) are ours and carry the same licence; nothing is synthetic.`;
