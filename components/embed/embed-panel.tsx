"use client";

import { useEffect, useId, useState } from "react";
import { accessibilityStatement, embedPath, iframeSnippet, webComponentSnippet, type TEmbedPanelView } from "./embed-snippets";

export type TEmbedPanelProps = {
  council: string;
  councilName: string;
  /** "latest" (default) or the version the page shows */
  release?: string | number;
  /** wards for the scorecard choice */
  wards?: Array<{ code: string; name: string }>;
  /** indicators for the indicator-map choice */
  indicators?: Array<{ code: string; name: string }>;
};

const VIEW_LABELS: Record<TEmbedPanelView, string> = { map: "Ward map", ranking: "Ward ranking", scorecard: "Ward scorecard", indicator: "Indicator map" };

function CopyBlock({ id, label, text }: { id: string; label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <textarea className="govuk-textarea" id={id} rows={Math.min(8, text.split("\n").length + 2)} readOnly value={text} />
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
      >
        Copy {label.toLowerCase()}
      </button>
      <span className="govuk-body govuk-!-margin-left-2" role="status">
        {copied ? "Copied" : ""}
      </span>
    </div>
  );
}

/**
 * "Embed this": the snippet for the <local-spi> web component or an iframe, a live preview,
 * and accessibility-statement text the council can paste onto its own site.
 */
export function EmbedPanel({ council, councilName, release = "latest", wards = [], indicators = [] }: TEmbedPanelProps) {
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const [origin, setOrigin] = useState("");
  const [view, setView] = useState<TEmbedPanelView>("map");
  const [arg, setArg] = useState<string>("");
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the origin is only known in the browser
  useEffect(() => setOrigin(window.location.origin), []);
  const choices = view === "scorecard" ? wards : view === "indicator" ? indicators : [];
  const input = { origin, council, view, arg: arg || choices[0]?.code || null, release };
  return (
    <section className="govuk-!-margin-top-6" aria-labelledby={`${uid}-h`}>
      <h2 className="govuk-heading-m" id={`${uid}-h`}>
        Embed this
      </h2>
      <p className="govuk-body">Put this index on your own website. The embed sets no cookies and loads nothing from anyone else.</p>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={`${uid}-view`}>
          What to embed
        </label>
        <select className="govuk-select" id={`${uid}-view`} value={view} onChange={(e) => (setView(e.target.value as TEmbedPanelView), setArg(""))}>
          {(Object.keys(VIEW_LABELS) as TEmbedPanelView[]).map((v) => (
            <option key={v} value={v}>
              {VIEW_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      {choices.length > 0 ? (
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor={`${uid}-arg`}>
            {view === "scorecard" ? "Ward" : "Indicator"}
          </label>
          <select className="govuk-select" id={`${uid}-arg`} value={input.arg ?? ""} onChange={(e) => setArg(e.target.value)}>
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <CopyBlock id={`${uid}-wc`} label="Web component code" text={webComponentSnippet(input)} />
      <CopyBlock id={`${uid}-if`} label="Iframe code" text={iframeSnippet(input, councilName)} />
      <h3 className="govuk-heading-s">Preview</h3>
      {origin ? (
        <iframe src={embedPath(input)} title={`Preview: ${councilName} ${VIEW_LABELS[view].toLowerCase()}`} width="100%" height="640" style={{ border: "1px solid #b1b4b6" }} loading="lazy" />
      ) : null}
      <CopyBlock id={`${uid}-a11y`} label="Accessibility statement text" text={accessibilityStatement(councilName, origin || "this service")} />
    </section>
  );
}
