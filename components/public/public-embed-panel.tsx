import { EmbedPanel } from "@/components/embed/embed-panel";
import type { TEmbedPanelView } from "@/components/embed/embed-snippets";
import { frameworkIndicators } from "@/lib/publish/framework";
import type { TPublicPage } from "./load-public-release";

/**
 * The "Embed this on your website" panel of a public release page, preselecting the page's own
 * view. Latest pages give snippets that follow new releases; permalink pages pin their version.
 */
export function PublicEmbedPanel({ page, view, arg = null }: { page: TPublicPage; view: TEmbedPanelView; arg?: string | null }) {
  const { data } = page;
  const scored = new Set(data.result.areas);
  return (
    <EmbedPanel
      council={data.council.slug}
      councilName={data.council.name}
      release={page.addressed}
      initialView={view}
      initialArg={arg}
      wards={data.wards.filter((w) => scored.has(w.code)).map((w) => ({ code: w.code, name: w.name }))}
      indicators={frameworkIndicators(data.edition.definition).map((i) => ({ code: i.code, name: i.name }))}
      year={Math.max(...data.result.periods)}
      live={!page.preview}
    />
  );
}
