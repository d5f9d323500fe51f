/**
 * <local-spi council="barking-and-dagenham" view="map|scorecard|ranking|indicator" ward="E05…"
 * indicator="…" release="latest|N">: a published Local SPI release in any web page.
 *
 * Data comes only from the origin this script was served from (no third parties), fetched
 * without cookies; everything renders in a shadow root styled by CSS custom properties.
 */
import { dataUrl, nextFocus, parseCouncil, parseRelease, parseView, scriptOrigin, wardSummary } from "./helpers";
import { renderView } from "./render";
import { CSS } from "./styles";
import type { TEmbedData } from "./types";

const ORIGIN = scriptOrigin((document.currentScript as HTMLScriptElement | null)?.src, location.origin);
const cache = new Map<string, Promise<TEmbedData>>();
let counter = 0;

function load(url: string): Promise<TEmbedData> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url, { credentials: "omit", mode: "cors", referrerPolicy: "strict-origin-when-cross-origin" }).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<TEmbedData>;
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

function sheet(css: string): CSSStyleSheet | null {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  } catch {
    return null; // older browsers: fall back to a <style> element
  }
}

const BASE = sheet(CSS);

class LocalSpiElement extends HTMLElement {
  static observedAttributes = ["council", "view", "ward", "indicator", "release"];
  private root = this.attachShadow({ mode: "open" });
  private uid = `lspi${++counter}`;
  private token = 0;

  connectedCallback() {
    void this.update();
  }

  attributeChangedCallback() {
    if (this.isConnected) void this.update();
  }

  private message(text: string) {
    this.paint(`<div class="lspi"><p class="s" role="status">${text}</p></div>`, "");
  }

  private paint(html: string, css: string) {
    const extra = css ? sheet(css) : null;
    if (BASE && (!css || extra)) {
      this.root.adoptedStyleSheets = extra ? [BASE, extra] : [BASE];
      this.root.innerHTML = html;
    } else {
      this.root.innerHTML = `<style>${CSS}${css}</style>${html}`;
    }
  }

  private async update() {
    const council = parseCouncil(this.getAttribute("council"));
    if (!council) return this.message("Set the council attribute to a council's slug.");
    const token = ++this.token;
    this.message("Loading the Local Social Progress Index…");
    let data: TEmbedData;
    try {
      data = await load(dataUrl(ORIGIN, council, parseRelease(this.getAttribute("release"))));
    } catch {
      if (token === this.token) this.message("The Local Social Progress Index could not be loaded.");
      return;
    }
    if (token !== this.token) return;
    const view = parseView(this.getAttribute("view"));
    const r = renderView(data, { view, ward: this.getAttribute("ward"), indicator: this.getAttribute("indicator"), origin: ORIGIN, uid: this.uid });
    this.paint(r.html, r.css);
    if (view === "map" || view === "indicator") this.wire(data);
  }

  /** Roving focus over the wards (Tab reaches the map once; arrows move), Enter/click selects. */
  private wire(data: TEmbedData) {
    const wards = [...this.root.querySelectorAll<SVGPathElement>("[data-i]")];
    const status = this.root.querySelector(".s");
    const labelOf = (p: SVGPathElement) => (this.getAttribute("view") === "indicator" ? (p.getAttribute("aria-label") ?? "") : wardSummary(data, p.dataset.code ?? ""));
    const show = (p: SVGPathElement) => {
      if (status) status.textContent = labelOf(p);
    };
    const select = (p: SVGPathElement) => {
      for (const w of wards) w.setAttribute("aria-pressed", String(w === p));
      show(p);
      this.dispatchEvent(new CustomEvent("local-spi-select", { detail: { ward: p.dataset.code }, bubbles: true, composed: true }));
    };
    wards.forEach((p, i) => {
      p.addEventListener("focus", () => show(p));
      p.addEventListener("mouseenter", () => show(p));
      p.addEventListener("click", () => select(p));
      p.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          return select(p);
        }
        const next = nextFocus(e.key, i, wards.length);
        if (next === null) return;
        e.preventDefault();
        p.setAttribute("tabindex", "-1");
        wards[next].setAttribute("tabindex", "0");
        wards[next].focus();
      });
    });
  }
}

if (!customElements.get("local-spi")) customElements.define("local-spi", LocalSpiElement);
