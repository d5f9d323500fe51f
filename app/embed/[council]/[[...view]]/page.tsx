import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findEmbedData } from "@/app/embed/_lib/embed-data";
import { VIEW_LABELS } from "@/components/embed/embed-snippets";
import { parseCouncil, parseRelease, VIEWS } from "@/embed/src/helpers";
import { renderView } from "@/embed/src/render";
import { CSS } from "@/embed/src/styles";
import type { TEmbedView } from "@/embed/src/types";

type TProps = { params: Promise<{ council: string; view?: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The iframe fallback: /embed/<council>[/map|/ranking|/scorecard/<ward>|/indicator/<code>]
 * [?release=N]. The same markup the web component draws, rendered on the server, with no site
 * header or footer. These are the only pages another site may frame (next.config.ts).
 */
async function resolve(props: TProps) {
  const { council, view = [] } = await props.params;
  const sp = await props.searchParams;
  const slug = parseCouncil(council);
  const name = (view[0] ?? "map") as TEmbedView;
  if (!slug || !VIEWS.includes(name) || view.length > 2) notFound();
  const release = parseRelease(typeof sp.release === "string" ? sp.release : undefined);
  const data = await findEmbedData(slug, release);
  if (!data) notFound();
  return { data, view: name, arg: view[1] ? decodeURIComponent(view[1]) : null };
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { data, view } = await resolve(props);
  return { title: `${VIEW_LABELS[view]}: ${data.council.name} Social Progress Index ${data.period}`, robots: { index: false } };
}

export default async function EmbedPage(props: TProps) {
  const { data, view, arg } = await resolve(props);
  const r = renderView(data, { view, ward: view === "scorecard" ? arg : null, indicator: view === "indicator" ? arg : null, origin: "", uid: "lspi", static: true });
  return (
    <main id="main-content" style={{ padding: "8px" }}>
      {/* the site template's html background would show below short views; the frame is white throughout */}
      <style>{"html.govuk-template{background:#fff}" + CSS + r.css}</style>
      <div dangerouslySetInnerHTML={{ __html: r.html }} />
    </main>
  );
}
