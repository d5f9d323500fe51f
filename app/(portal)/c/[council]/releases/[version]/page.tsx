import type { Metadata } from "next";
import Link from "next/link";
import { ChangesSection } from "@/components/releases/changes-section";
import { CommentsSection } from "@/components/releases/comments-section";
import { DiagnosticsSection } from "@/components/releases/diagnostics-section";
import {
  scoreColumns,
  type TFrameworkShape,
} from "@/components/releases/format";
import { ReleaseHeader } from "@/components/releases/release-header";
import { parseTab, ReleaseTabs } from "@/components/releases/release-tabs";
import { ScoresSection } from "@/components/releases/scores-section";
import { WorkflowPanel } from "@/components/releases/workflow-panel";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { CouncilNav } from "../../council-nav";
import { loadRelease, param } from "./load-release";

type TProps = {
  params: Promise<{ council: string; version: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council, version } = await params;
  return councilMetadata(council, "release:read", async (ctx) => {
    const data = await loadRelease(ctx, version);
    return {
      title: `Release ${data.release.version}: ${data.release.title} – ${ctx.council.name}`,
    };
  });
}

/** The insight team's review screen: scores, diagnostics, what changed, comments, decision. */
export default async function ReleaseReviewPage({
  params,
  searchParams,
}: TProps) {
  const { council, version } = await params;
  const sp = await searchParams;
  const ctx = await councilPage(
    council,
    "release:read",
    `/c/${council}/releases/${version}`,
  );
  const data = await loadRelease(ctx, version);
  const { release, run, result, previous } = data;
  const base = `/c/${ctx.council.slug}/releases/${release.version}`;
  const tab = parseTab(param(sp.tab));
  const periodParam = Number(param(sp.period));
  const period = run.periods.includes(periodParam)
    ? periodParam
    : Math.max(...run.periods);
  const cols = scoreColumns(data.framework);
  const canComment = !ctx.viaOperator && can(ctx.roles, "release:comment");
  return (
    <>
      <CouncilNav
        slug={ctx.council.slug}
        name={ctx.council.name}
        roles={ctx.roles}
        viaOperator={ctx.viaOperator}
        current="releases"
      />
      <Link
        className="govuk-back-link"
        href={`/c/${ctx.council.slug}/releases`}
      >
        All releases
      </Link>
      <ReleaseHeader
        release={release}
        run={run}
        engineVersion={result.engineVersion}
        inputHash={result.inputHash}
        scorecards={result.strengthsWeaknesses}
      />
      <WorkflowPanel
        council={ctx.council.slug}
        data={data}
        viewer={{
          id: ctx.user.id,
          roles: ctx.roles,
          viaOperator: ctx.viaOperator,
        }}
      />
      <ReleaseTabs
        base={base}
        current={tab}
        counts={{ comments: data.comments.length }}
      />
      {tab === "scores" && (
        <ScoresSection
          base={base}
          result={result}
          framework={data.framework}
          wards={data.wards}
          period={period}
          periods={run.periods}
          scoreCode={param(sp.score) ?? "index"}
        />
      )}
      {tab === "diagnostics" && (
        <DiagnosticsSection
          result={result}
          names={{ ...data.names, ...data.wardNames }}
        />
      )}
      {tab === "changes" && (
        <ChangesSection
          base={base}
          current={{
            result,
            options: run.options,
            edition: run.edition.edition,
            framework: data.framework,
            version: release.version,
          }}
          previous={
            previous
              ? {
                  result: previous.result,
                  options: previous.options,
                  edition: previous.edition,
                  framework: previous.framework as TFrameworkShape,
                  version: previous.version,
                }
              : null
          }
          basis={param(sp.compare) === "common" ? "common" : "latest"}
          names={data.names}
          wardNames={data.wardNames}
        />
      )}
      {tab === "comments" && (
        <CommentsSection
          council={ctx.council.slug}
          releaseId={release.id}
          comments={data.comments}
          canComment={canComment}
          wardNames={data.wardNames}
          names={data.names}
          scoreOptions={cols.map((c) => ({
            value: c.code,
            label: c.level === "component" ? `${c.name} (component)` : c.name,
          }))}
          defaultWard={param(sp.ward)}
          defaultScore={param(sp.score)}
        />
      )}
    </>
  );
}
