/**
 * Pure helpers of the <local-spi> web component (and the iframe pages, which render the same
 * markup on the server). No DOM access here, so they are unit-tested in Node.
 */
import type { TEmbedData, TEmbedView } from "./types";

export const VIEWS: readonly TEmbedView[] = ["map", "scorecard", "ranking", "indicator"];

/** "map" unless the attribute names a known view. */
export function parseView(v: string | null | undefined): TEmbedView {
  return (VIEWS as readonly string[]).includes(v ?? "") ? (v as TEmbedView) : "map";
}

/** "latest" or a positive integer version as a string; anything else becomes "latest". */
export function parseRelease(v: string | null | undefined): string {
  return v && /^[1-9]\d{0,8}$/.test(v) ? v : "latest";
}

/** Council slugs are lower-case letters, digits and hyphens; anything else is refused (null). */
export function parseCouncil(v: string | null | undefined): string | null {
  return v && /^[a-z0-9-]{1,80}$/.test(v) ? v : null;
}

/**
 * The origin the script was served from, so data comes from the same service and never a
 * third party. `src` is document.currentScript.src (absolute); falls back to the page origin.
 */
export function scriptOrigin(src: string | null | undefined, fallback: string): string {
  try {
    return src ? new URL(src).origin : fallback;
  } catch {
    return fallback;
  }
}

/** URL of the embed data for one council and release, on the script's origin. */
export function dataUrl(origin: string, council: string, release: string): string {
  return `${origin}/embed/${encodeURIComponent(council)}/data.json?release=${encodeURIComponent(release)}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const t = n % 100;
  const s = t >= 11 && t <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
}

/** One decimal place, or "No data". */
export function fmt(v: number | null | undefined): string {
  return typeof v === "number" && Number.isFinite(v) ? v.toFixed(1) : "No data";
}

/** Wards that have an index, for "of N wards". */
export function rankedCount(data: TEmbedData): number {
  return data.wards.filter((w) => w.index !== null).length;
}

/** "Index 54.2 in 2015, ranked 5th of 17 wards" (or why there is no index). */
export function wardSummary(data: TEmbedData, code: string): string {
  const w = data.wards.find((x) => x.code === code);
  if (!w) return `No ward with code ${code} in ${data.council.name}.`;
  if (w.index === null || w.rank === null) return `${w.name}: no index in ${data.period}.`;
  return `${w.name}: Index ${fmt(w.index)} in ${data.period}, ranked ${ordinal(w.rank)} of ${rankedCount(data)} wards`;
}

/** The council-level sentence under a map or ranking: highest and lowest ward. */
export function councilSummary(data: TEmbedData): string {
  const ranked = rankOrder(data);
  if (ranked.length === 0) return `${data.council.name}: no ward has an index in ${data.period}.`;
  const top = ranked[0], bottom = ranked[ranked.length - 1];
  return `${data.council.name}, ${data.period}: ${ranked.length} wards, Index from ${fmt(bottom.index)} (${bottom.name}) to ${fmt(top.index)} (${top.name}).`;
}

/** Wards with an index, best first (ties by name). */
export function rankOrder(data: TEmbedData) {
  return data.wards
    .filter((w) => w.index !== null)
    .sort((a, b) => (b.index as number) - (a.index as number) || a.name.localeCompare(b.name));
}

/** The value a view maps: the index, or one indicator's score. */
export function valueOf(w: TEmbedData["wards"][number], indicator: string | null): number | null {
  return indicator ? (w.indicators[indicator] ?? null) : w.index;
}

/** Index of the ward focus moves to on an arrow key (wraps), or null for other keys. */
export function nextFocus(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  if (key === "ArrowRight" || key === "ArrowDown") return (current + 1) % count;
  if (key === "ArrowLeft" || key === "ArrowUp") return (current - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

/** Escape text for HTML (text and double-quoted attributes). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
