"use client";

import { useEffect, useId, useRef, useState } from "react";
import { accessibilityStatement, embedPath, IFRAME_HEIGHT, iframeSnippet, VIEW_LABELS, webComponentSnippet, type TEmbedPanelView } from "./embed-snippets";

type TChoice = { code: string; name: string };

export type TEmbedPanelProps = {
  council: string;
  councilName: string;
  /** "latest" (default: the snippet follows new releases) or the version a permalink page shows (pinned) */
  release?: string | number;
  /** the view preselected: the one matching the page the panel sits on (default "map") */
  initialView?: TEmbedPanelView;
  /** ward code (scorecard) or indicator code (indicator) preselected with initialView */
  initialArg?: string | null;
  /** wards for the scorecard choice */
  wards?: TChoice[];
  /** indicators for the indicator-map choice */
  indicators?: TChoice[];
  /** the year embeds show: the release's latest year */
  year?: number;
  /** false while a member previews a release that is not public yet: the embed cannot show it until it is */
  live?: boolean;
};


/** Copy with the Clipboard API; where it is missing or refused, select the text for Ctrl+C. */
async function copyText(area: HTMLTextAreaElement | null, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    area?.focus();
    area?.select();
    return false;
  }
}

const VIEW_CHOICES: TChoice[] = (Object.keys(VIEW_LABELS) as TEmbedPanelView[]).map((code) => ({ code, name: VIEW_LABELS[code] }));

function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: TChoice[]; onChange: (code: string) => void }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function CopyBlock({ id, label, text }: { id: string; label: string; text: string }) {
  // what was copied, so that feedback disappears when the choices change the text
  const [done, setDone] = useState<{ text: string; ok: boolean } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <textarea ref={area} className="govuk-textarea govuk-!-font-size-16" id={id} rows={Math.min(8, text.split("\n").length + 2)} readOnly value={text} spellCheck={false} style={{ fontFamily: "ui-monospace, Consolas, \"Liberation Mono\", monospace" }} />
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={() => void copyText(area.current, text).then((ok) => setDone({ text, ok }))}
      >
        Copy {label.toLowerCase()}
      </button>
      <span className="govuk-body govuk-!-margin-left-2" role="status">
        {done?.text === text ? (done.ok ? "Copied" : "Selected: press Ctrl+C (or ⌘C) to copy") : ""}
      </span>
    </div>
  );
}

/**
 * "Embed this on your website": a closed GOV.UK details (so residents are not distracted) with the
 * snippet for the <local-spi> web component or an iframe, a live preview (an iframe of the same
 * /embed page, loaded only when opened), and accessibility-statement text the council can paste
 * onto its own site. Preselects the view of the page it sits on; never printed.
 */
export function EmbedPanel({ council, councilName, release = "latest", initialView = "map", initialArg = null, wards = [], indicators = [], year, live = true }: TEmbedPanelProps) {
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const [origin, setOrigin] = useState("");
  const [view, setView] = useState<TEmbedPanelView>(initialView);
  const [arg, setArg] = useState<string>(initialArg ?? "");
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the origin is only known in the browser
  useEffect(() => setOrigin(window.location.origin), []);
  const choices = view === "scorecard" ? wards : view === "indicator" ? indicators : [];
  const chosen = choices.find((c) => c.code === arg) ?? choices[0] ?? null;
  const input = { origin, council, view, arg: chosen?.code ?? null, release };
  const what = `${VIEW_LABELS[view].toLowerCase()}${chosen ? ` (${chosen.name})` : ""}`;
  const pinned = release !== "latest";
  return (
    <details className="govuk-details lspi-no-print govuk-!-margin-top-8 govuk-!-margin-bottom-0" data-testid="embed-panel">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Embed this on your website</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          Show {councilName}&apos;s index on your own website. The embed sets no cookies and loads nothing from anyone else.{" "}
          {pinned
            ? `This code shows release ${release}, which never changes; the code on the council's latest page follows new releases.`
            : "This code always shows the latest release, so it updates itself when a new one is published."}
          {year ? ` It shows ${year}, the latest year in the release.` : ""}
        </p>
        <Choice id={`${uid}-view`} label="What to embed" value={view} options={VIEW_CHOICES} onChange={(v) => (setView(v as TEmbedPanelView), setArg(v === initialView ? (initialArg ?? "") : ""))} />
        {chosen ? <Choice id={`${uid}-arg`} label={view === "scorecard" ? "Ward" : "Indicator"} value={chosen.code} options={choices} onChange={setArg} /> : null}
        <CopyBlock id={`${uid}-wc`} label="Web component code" text={webComponentSnippet(input)} />
        <CopyBlock id={`${uid}-if`} label="Iframe code" text={iframeSnippet(input, councilName)} />
        <h2 className="govuk-heading-s">Live preview</h2>
        {live ? (
          <iframe
            src={embedPath(input)}
            title={`Preview of the embed: ${councilName} ${what}`}
            width="100%"
            height={IFRAME_HEIGHT[view]}
            className="govuk-!-margin-bottom-6"
            style={{ border: "1px solid #b1b4b6", display: "block" }}
            loading="lazy"
            data-testid="embed-preview"
          />
        ) : (
          <p className="govuk-inset-text">The preview and the embed work once this release is public.</p>
        )}
        <CopyBlock id={`${uid}-a11y`} label="Accessibility statement text" text={accessibilityStatement(councilName, origin || "this service", council)} />
      </div>
    </details>
  );
}
