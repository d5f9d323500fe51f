/**
 * Markup of every view as an HTML string: the web component puts it in its shadow root, the
 * iframe pages render it on the server. Pure (no DOM), so both produce the same HTML.
 */
import { classify } from "../../lib/geo/classify";
import { paletteColours } from "../../lib/geo/palette";
import { councilSummary, esc, fmt, ordinal, rankOrder, rankedCount, valueOf, wardSummary } from "./helpers";
import { classCss } from "./styles";
import type { TEmbedData, TEmbedOptions } from "./types";

export interface TRendered {
  html: string;
  /** class colour rules to add to the stylesheet */
  css: string;
}

function source(data: TEmbedData, o: TEmbedOptions): string {
  const href = `${o.origin}${data.pagePath}`;
  return `<p class="src">Source: <a href="${esc(href)}">${esc(data.council.name)} Local Social Progress Index, release ${data.release.version}</a>. ${esc(data.attribution)}</p>`;
}

function indicatorName(data: TEmbedData, code: string): string {
  return data.indicators.find((i) => i.code === code)?.name ?? code;
}

/** The choropleth with its legend, status line and table alternative. */
function mapView(data: TEmbedData, o: TEmbedOptions): TRendered {
  const ind = o.indicator && data.indicators.some((i) => i.code === o.indicator) ? o.indicator : o.view === "indicator" ? (data.indicators[0]?.code ?? null) : null;
  const values = data.wards.map((w) => valueOf(w, ind));
  const cls = classify(values, { classes: 5 });
  const colours = cls.classCount >= 3 ? paletteColours("blue", cls.classCount) : ["#c6dbef", "#6baed6"].slice(0, cls.classCount);
  const what = ind ? `${indicatorName(data, ind)}: indicator score (0 to 100, higher is better)` : "Social Progress Index (0 to 100, higher is better)";
  const title = `${what}, ${data.council.name} wards, ${data.period}`;
  const n = rankedCount(data);
  const hatch = `${o.uid}-h`;
  const paths = data.wards
    .map((w, i) => {
      const v = values[i];
      const c = cls.classOf[i];
      const rank = !ind && w.rank !== null ? `, ranked ${ordinal(w.rank)} of ${n}` : "";
      const label = v === null ? `${w.name}: no data` : `${w.name}: ${fmt(v)}${rank}`;
      return `<path d="${esc(w.d)}" class="${c === null ? "nd" : `c${c}`}" data-i="${i}" data-code="${esc(w.code)}" tabindex="${o.static || i === 0 ? 0 : -1}" ${o.static ? 'role="img"' : 'role="button" aria-pressed="false"'} aria-label="${esc(label)}"></path>`;
    })
    .join("");
  const legend = cls.legend.map((l) => `<li><span class="sw c${l.index}" aria-hidden="true"></span>${esc(l.label)} (${l.count})</li>`).join("");
  const noData = cls.noDataCount ? `<li><span class="sw nd" aria-hidden="true"></span>No data (${cls.noDataCount})</li>` : "";
  const rows = data.wards
    .map((w, i) => ({ w, v: values[i] }))
    .sort((a, b) => a.w.name.localeCompare(b.w.name))
    .map(({ w, v }) => `<tr><th scope="row">${esc(w.name)}</th><td class="n">${fmt(v)}</td>${ind ? "" : `<td class="n">${w.rank === null ? "–" : w.rank}</td>`}</tr>`)
    .join("");
  const selected = o.ward && data.wards.some((w) => w.code === o.ward) ? wardSummary(data, o.ward) : councilSummary(data);
  const html =
    `<figure><figcaption><p class="t" id="${o.uid}-t">${esc(title)}</p>` +
    `<p class="d">${o.static ? "Use Tab to move between wards." : "Use Tab to reach the map, then the arrow keys to move between wards; Enter shows a ward's summary."} A table of the values follows the map.</p></figcaption>` +
    `<svg viewBox="${data.viewBox.join(" ")}" role="group" aria-labelledby="${o.uid}-t" focusable="false">` +
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="2"></line></pattern></defs>` +
    `${paths}</svg>` +
    `<p class="s" role="status">${esc(selected)}</p>` +
    `<p class="t" id="${o.uid}-l">Legend: ${esc(cls.methodLabel.toLowerCase())}</p><ul class="l" aria-labelledby="${o.uid}-l">${legend}${noData}</ul>` +
    `<details><summary>Show the values as a table</summary><table><caption>${esc(title)}</caption><thead><tr><th scope="col">Ward</th><th scope="col" class="n">${ind ? "Score" : "Index"}</th>${ind ? "" : '<th scope="col" class="n">Rank</th>'}</tr></thead><tbody>${rows}</tbody></table></details>` +
    `${source(data, o)}</figure>`;
  return { html, css: classCss(colours) + `.lspi .nd{fill:url(#${hatch})}` };
}

function rankingView(data: TEmbedData, o: TEmbedOptions): TRendered {
  const title = `Wards of ${data.council.name} ranked by Social Progress Index, ${data.period}`;
  const rows = rankOrder(data)
    .map((w) => `<tr><td class="n">${w.rank}</td><th scope="row">${esc(w.name)}</th><td class="n">${fmt(w.index)}</td></tr>`)
    .join("");
  const html =
    `<p class="s">${esc(councilSummary(data))}</p>` +
    `<table><caption>${esc(title)}</caption><thead><tr><th scope="col" class="n">Rank</th><th scope="col">Ward</th><th scope="col" class="n">Index (0 to 100)</th></tr></thead><tbody>${rows}</tbody></table>` +
    source(data, o);
  return { html, css: "" };
}

function scorecardView(data: TEmbedData, o: TEmbedOptions): TRendered {
  const w = data.wards.find((x) => x.code === o.ward) ?? rankOrder(data)[0];
  if (!w) return { html: `<p class="s">No ward has an index in this release.</p>${source(data, o)}`, css: "" };
  const title = `${w.name}, ${data.council.name}: Social Progress Index scorecard, ${data.period}`;
  const dims = data.dimensions.map((d) => `<tr><th scope="row">${esc(d.name)}</th><td class="n">${fmt(w.dimensions[d.code])}</td></tr>`).join("");
  const html =
    `<p class="t">${esc(title)}</p><p class="big">${fmt(w.index)}</p><p class="s">${esc(wardSummary(data, w.code))}</p>` +
    `<table><caption>Dimension scores (0 to 100, higher is better)</caption><thead><tr><th scope="col">Dimension</th><th scope="col" class="n">Score</th></tr></thead><tbody>${dims}</tbody></table>` +
    source(data, o);
  return { html, css: "" };
}

/** The markup of one view (map and indicator views are choropleths). */
export function renderView(data: TEmbedData, o: TEmbedOptions): TRendered {
  const r = o.view === "ranking" ? rankingView(data, o) : o.view === "scorecard" ? scorecardView(data, o) : mapView(data, o);
  return { html: `<div class="lspi">${r.html}</div>`, css: r.css };
}
