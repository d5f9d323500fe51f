import type { TIngestArea, TIngestContext, TIngestIndicator } from "./types";
import { quote } from "./issues";

/*
 * Resolving area and indicator cells against the council's wards and the framework
 * edition. Results are cached per distinct cell text, so a million rows cost a million
 * map look-ups, not a million fuzzy searches.
 */

export type TResolution = { ok: true; code: string } | { ok: false; code: string; severity: "error" | "warning"; message: string; suggestion?: string };

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Lower-case, accents and punctuation folded: for matching names. */
export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

function nearest(s: string, candidates: string[], max: number): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  const u = s.toUpperCase();
  for (const c of candidates) {
    const d = editDistance(u, c.toUpperCase(), Math.min(max, bestD));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

const span = (a: TIngestArea) => (a.validFrom !== undefined || a.validTo !== undefined ? `${a.validFrom ?? "…"}–${a.validTo ?? "…"}` : a.vintage);

export function createAreaResolver(ctx: TIngestContext) {
  const own = new Map<string, TIngestArea[]>();
  for (const a of ctx.areas) own.set(a.code, [...(own.get(a.code) ?? []), a]);
  const other = new Map<string, TIngestArea & { councilName: string }>();
  for (const a of ctx.otherAreas ?? []) other.set(a.code, a);
  const byName = new Map<string, TIngestArea[]>();
  for (const a of ctx.areas) byName.set(fold(a.name), [...(byName.get(fold(a.name)) ?? []), a]);
  const validCodes = new Map<string, string[]>();
  const codesFor = (vintage: string | undefined) => {
    const key = vintage ?? "";
    let list = validCodes.get(key);
    if (!list) validCodes.set(key, (list = ctx.areas.filter((a) => vintage === undefined || a.vintage === vintage).map((a) => a.code)));
    return list;
  };
  const cache = new Map<string, TResolution>();
  const council = ctx.councilName ?? "this council";

  const resolveUncached = (raw: string, vintage: string | undefined, period: number): TResolution => {
    const s = raw.trim();
    const mine = own.get(s);
    if (mine) {
      if (vintage === undefined || mine.some((a) => a.vintage === vintage)) return { ok: true, code: s };
      return {
        ok: false,
        code: "AREA_WRONG_VINTAGE",
        severity: "error",
        message: `${s} is a ${span(mine[0])} ward (${mine[0].vintage} boundaries); period ${period} uses the ${vintage} wards`,
        suggestion: successorHint(mine[0], vintage),
      };
    }
    const theirs = other.get(s) ?? other.get(s.toUpperCase());
    if (theirs) return { ok: false, code: "AREA_OTHER_COUNCIL", severity: "error", message: `${theirs.code} is a ward of ${theirs.councilName} (${theirs.name}), not of ${council}`, suggestion: "Remove rows for other councils' wards, or upload them in that council's account." };
    const named = byName.get(fold(s));
    if (named && s !== "") {
      const pick = named.find((a) => vintage === undefined || a.vintage === vintage) ?? named[0];
      return { ok: false, code: "AREA_NAME_NOT_CODE", severity: "error", message: `${quote(s)} is a ward name, not a ward code`, suggestion: `Use the code ${pick.code} (${pick.name}).` };
    }
    if (s === "") return { ok: false, code: "AREA_EMPTY", severity: "error", message: "area code is empty", suggestion: "Give the ward's ONS code, e.g. E05000026." };
    const near = nearest(s, codesFor(vintage), 2);
    return {
      ok: false,
      code: "AREA_UNKNOWN",
      severity: "error",
      message: `${quote(s)} is not a ward code of ${council}${vintage ? ` for the ${vintage} boundaries` : ""}`,
      suggestion: near ? `Did you mean ${near} (${own.get(near)![0].name})?` : "Use the ward codes listed on the council's boundaries page.",
    };
  };

  function successorHint(a: TIngestArea, vintage: string): string {
    const same = ctx.areas.find((b) => b.vintage === vintage && fold(b.name) === fold(a.name));
    return same ? `The ${vintage} ward of the same name is ${same.code}.` : `Use the ${vintage} ward codes for this period.`;
  }

  return {
    /** Resolve an area cell for a period; `vintage` is the period's boundary vintage (undefined = any). */
    resolve(raw: string, vintage: string | undefined, period: number): TResolution {
      const key = vintage === undefined ? raw : `${raw}\u0000${vintage}`;
      let r = cache.get(key);
      if (!r) {
        r = resolveUncached(raw, vintage, period);
        // wrong-vintage messages name the period; only cache period-independent results
        if (r.ok || r.code !== "AREA_WRONG_VINTAGE") cache.set(key, r);
      }
      return r;
    },
  };
}

export function createIndicatorResolver(indicators: TIngestIndicator[]) {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const byFolded = new Map<string, TIngestIndicator>();
  for (const i of indicators) {
    byFolded.set(fold(i.name), i);
    byFolded.set(fold(i.code), i);
  }
  const codes = indicators.map((i) => i.code);
  const cache = new Map<string, TResolution>();
  const resolveUncached = (raw: string): TResolution => {
    const s = raw.trim();
    if (byCode.has(s)) return { ok: true, code: s };
    if (s === "") return { ok: false, code: "INDICATOR_EMPTY", severity: "error", message: "indicator code is empty" };
    const hit = byFolded.get(fold(s));
    if (hit) {
      const isName = fold(hit.name) === fold(s);
      return { ok: false, code: isName ? "INDICATOR_NAME_NOT_CODE" : "INDICATOR_UNKNOWN", severity: "error", message: isName ? `${quote(s)} is an indicator name, not its code` : `${quote(s)} is not an indicator code of this framework edition`, suggestion: `Use the code ${hit.code} (${hit.name}).` };
    }
    const near = nearest(s, codes, Math.max(2, Math.min(4, Math.floor(s.length / 4))));
    if (near) return { ok: false, code: "INDICATOR_UNKNOWN", severity: "error", message: `${quote(s)} is not an indicator code of this framework edition`, suggestion: `Did you mean ${near} (${byCode.get(near)!.name})?` };
    return { ok: false, code: "INDICATOR_NOT_IN_FRAMEWORK", severity: "warning", message: `${quote(s)} is not an indicator of this framework edition: its rows are ignored`, suggestion: "Remove these rows, or ask for the indicator to be added in a later edition." };
  };
  return {
    get: (code: string) => byCode.get(code),
    resolve(raw: string): TResolution {
      let r = cache.get(raw);
      if (!r) cache.set(raw, (r = resolveUncached(raw)));
      return r;
    },
    /** Match a wide-format header to an indicator by code or name (case and punctuation folded). */
    matchHeader: (h: string) => byCode.get(h.trim()) ?? byFolded.get(fold(h)),
  };
}
