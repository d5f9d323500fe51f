import type { Metadata } from "next";
import Link from "next/link";
import { TableHead } from "@/components/data-table/table-head";
import { ActionFeedback } from "@/components/forms/action-feedback";
import { Pagination } from "@/components/layout/pagination";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { findWardFacts } from "@/lib/councils/ward-facts";
import { AREAS_FILE_MAX_BYTES } from "@/lib/councils/ward-facts-check";
import { ZRunOptions } from "@/lib/runs/options";
import { CouncilNav } from "../../council-nav";
import { dateTime, nf } from "../format";
import { AreasFileForm } from "./areas-file-form";

type TProps = {
  params: Promise<{ council: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const PAGE_SIZE = 50;
const DEFAULT_PEERS = ZRunOptions.parse({}).peerGroupSize;
const peerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const wardsLabel = (n: number) =>
  `${nf.format(n)} ${n === 1 ? "ward" : "wards"}`;

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "data:read", (ctx) => ({ title: `Ward populations and peer groups – ${ctx.council.name}` }));
}

export default async function WardFactsPage({ params, searchParams }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(
    council,
    "data:read",
    `/c/${council}/data/wards`,
  );
  const q = await searchParams;
  const askedYear = Number(one(q.year));
  const all = await findWardFacts(ctx.db, ctx.council);
  const year = all.years.includes(askedYear) ? askedYear : undefined;
  const facts =
    year === undefined
      ? all
      : await findWardFacts(ctx.db, ctx.council, { year });
  const wards = facts.wards;
  const pages = Math.max(1, Math.ceil(wards.length / PAGE_SIZE));
  const page = Math.min(
    pages,
    Math.max(1, Math.trunc(Number(one(q.page))) || 1),
  );
  const shown = wards.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const withPeer = all.wards.filter((w) => w.peerValue !== null).length;
  const withPopulation = all.wards.filter((w) => w.population !== null).length;
  const upload = !ctx.viaOperator && can(ctx.roles, "data:upload");
  const base = `/c/${ctx.council.slug}/data/wards`;
  const href = (p: number) =>
    `${base}?${new URLSearchParams({ ...(year ? { year: String(year) } : {}), page: String(p) }).toString()}`;
  const downloadYear = year ?? all.years[0];
  const { label, source } = all.covariate;
  const updated = one(q.updated) === "1";
  return (
    <>
      <CouncilNav
        slug={ctx.council.slug}
        name={ctx.council.name}
        roles={ctx.roles}
        viaOperator={ctx.viaOperator}
        current="data"
      />
      <Link href={`/c/${ctx.council.slug}/data`} className="govuk-back-link">
        Back to data
      </Link>
      {updated && (
        <ActionFeedback
          state={{ ok: true, data: null }}
          success={() => (
            <>
              <p className="govuk-notification-banner__heading">
                The ward figures have been updated.
              </p>
              <p className="govuk-body">
                {one(q.populations) &&
                  `Populations for ${one(q.year)} were loaded for ${wardsLabel(Number(one(q.populations)))}. `}
                {one(q.peerValues) &&
                  `Peer values were loaded for ${wardsLabel(Number(one(q.peerValues)))}. `}
                The change has been recorded in the audit log.
              </p>
            </>
          )}
        />
      )}
      <h1 className="govuk-heading-xl">Ward populations and peer groups</h1>
      <p className="govuk-body-l">
        Two facts about each ward that the index needs besides its indicators:
        how many people live there, and a figure that says which wards are like
        it.
      </p>

      <h2 className="govuk-heading-m">What they are used for</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <strong>Peer groups, for strengths and weaknesses.</strong> Each ward
          is compared with its peers: the wards closest to it on the peer
          covariate (the {DEFAULT_PEERS} nearest unless a score run asks for
          another number, or all the other wards when there are no more than
          that). A score is a strength when it is above the peers&apos; median
          by more than their average distance from it, and a weakness when it is
          as far below.
        </li>
        <li>
          <strong>Population weights, for larger areas.</strong> Where wards are
          combined — a regional view of several councils, by score or by
          indicator — each ward counts in proportion to its population. A score
          run takes each ward&apos;s population for the year nearest its last
          year and keeps it with the release, so figures loaded here change the
          next run, never a release already published.
        </li>
      </ul>
      {withPeer === 0 && (
        <div className="govuk-inset-text" data-testid="no-peer-values">
          No ward has a peer value yet. Until they are loaded, each ward is
          compared with all the other wards when there are {DEFAULT_PEERS + 1}{" "}
          or fewer; with more, strengths and weaknesses are not worked out.
        </div>
      )}

      <dl className="govuk-summary-list" data-testid="ward-facts-summary">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Peer covariate</dt>
          <dd
            className="govuk-summary-list__value"
            data-testid="peer-covariate"
          >
            {label ?? "Not described yet"}
            {source && (
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                Source: {source}
              </span>
            )}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Wards with a peer value</dt>
          <dd className="govuk-summary-list__value">
            {nf.format(withPeer)} of {nf.format(all.wards.length)}
            {all.last.peerValues && <Last {...all.last.peerValues} />}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Wards with a population</dt>
          <dd className="govuk-summary-list__value">
            {nf.format(withPopulation)} of {nf.format(all.wards.length)}
            {all.years.length > 0 &&
              ` (years held: ${all.years.length === 1 ? all.years[0] : `${all.years[all.years.length - 1]} to ${all.years[0]}`})`}
            {all.last.populations && <Last {...all.last.populations} />}
          </dd>
        </div>
      </dl>

      {all.years.length > 0 && (
        <form method="get" aria-label="Choose the populations shown">
          <div className="govuk-form-group govuk-!-margin-bottom-3">
            <label className="govuk-label" htmlFor="year">
              Populations shown
            </label>
            <select
              className="govuk-select"
              id="year"
              name="year"
              defaultValue={year ?? ""}
            >
              <option value="">Latest figure for each ward</option>
              {all.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="govuk-button govuk-button--secondary"
          >
            Show
          </button>
        </form>
      )}
      <table className="govuk-table" data-testid="ward-facts">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {wardsLabel(wards.length)}
          {year ? `: populations for ${year}` : ""}
        </caption>
        <TableHead
          columns={[
            "Ward",
            { label: "Population", numeric: true },
            { label: "Year", numeric: true },
            "Source of the population",
            { label: "Peer value", numeric: true },
          ]}
        />
        <tbody className="govuk-table__body">
          {wards.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>
                {ctx.council.name} has no wards yet: they are added when the
                council is onboarded with its ward boundaries.
              </td>
            </tr>
          )}
          {shown.map((w) => (
            <tr
              className="govuk-table__row"
              key={w.code}
              data-testid={`ward-${w.code}`}
            >
              <th scope="row" className="govuk-table__header">
                {w.name}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  {w.code}
                </span>
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {w.population ? nf.format(w.population.population) : "—"}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {w.population?.year ?? "—"}
              </td>
              <td className="govuk-table__cell">
                {w.population?.source ??
                  (year ? `No figure for ${year}` : "No population yet")}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">
                {w.peerValue === null ? "—" : peerFormat.format(w.peerValue)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        page={page}
        pages={pages}
        href={href}
        label="Pages of wards"
      />
      <p className="govuk-body">
        <a
          className="govuk-link"
          href={`${base}/areas.csv${downloadYear ? `?year=${downloadYear}` : ""}`}
          download
          data-testid="download-areas"
        >
          Download the wards as an areas file (CSV)
        </a>{" "}
        with{" "}
        {downloadYear
          ? `the populations for ${downloadYear}`
          : "no populations yet"}{" "}
        and the peer values held now, to correct and upload again.
      </p>

      {upload ? (
        <>
          <h2 className="govuk-heading-l govuk-!-margin-top-8">
            Upload an areas file
          </h2>
          <p className="govuk-body">
            An areas file is the engine&apos;s standard areas CSV (the same file{" "}
            <code>npx spi score --areas</code> reads), one row per ward, with a
            header row:
          </p>
          <pre
            className="lspi-secret"
            style={{
              fontSize: "1rem",
              whiteSpace: "pre-wrap",
              overflowWrap: "anywhere",
            }}
            data-testid="areas-format"
          >
            area_code,area_name,parent_code,population,peer_value{"\n"}
            E05000026,Abbey,E09000002,13800,33920
          </pre>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <code>area_code</code> (required): the ward&apos;s GSS code.{" "}
              <code>area_name</code> is checked against the ward&apos;s name, to
              catch rows that have shifted.
            </li>
            <li>
              <code>parent_code</code>: the local authority. Rows for other
              authorities (and the row for {ctx.council.name} itself) are
              ignored, so a London-wide or national file can be used as it is.
            </li>
            <li>
              <code>population</code>: residents of the ward, a whole number,
              for the year you give below. <code>peer_value</code>: the peer
              covariate, any number (income, a deprivation score…). Either
              column may be left out or empty.
            </li>
          </ul>
          <p className="govuk-body">
            Nothing changes until you have read the checks and chosen Apply.
            Each change is recorded in the audit log.
          </p>
          <AreasFileForm
            council={ctx.council.slug}
            maxMb={AREAS_FILE_MAX_BYTES / 1024 / 1024}
            defaults={{
              peerCovariateLabel: label ?? undefined,
              peerCovariateSource: source ?? undefined,
            }}
          />
        </>
      ) : (
        <p className="govuk-body">
          Officers and administrators of {ctx.council.name} can load these
          figures from an areas file.
        </p>
      )}
    </>
  );
}

function Last({ at, by }: { at: Date; by: string }) {
  return (
    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
      Last loaded {dateTime.format(at)} by {by}
    </span>
  );
}
