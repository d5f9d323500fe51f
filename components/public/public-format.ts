import type { TScoreRow } from "@/lib/spi";
import type { TPublicFramework } from "@/lib/publish/framework";

/** A 0–100 score to 1 decimal place, or "No data". */
export function fmt(v: number | null | undefined, dp = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "No data" : v.toFixed(dp);
}

/** The requested year if the release has it, else its latest year. */
export function pickPeriod(periods: number[], requested: string | undefined): number {
  const n = Number(requested);
  return periods.includes(n) ? n : Math.max(...periods);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface TLevelSummary {
  level: "index" | "dimension" | "component";
  code: string;
  name: string;
  min: number | null;
  median: number | null;
  max: number | null;
}

/** Lowest, median and highest ward score of the index, each dimension and component. */
export function levelSummaries(rows: TScoreRow[], dims: TPublicFramework["dimensions"]): TLevelSummary[] {
  const sum = (level: TLevelSummary["level"], code: string, name: string, get: (r: TScoreRow) => number | null | undefined): TLevelSummary => {
    const xs = rows.map(get).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    return { level, code, name, min: xs.length ? Math.min(...xs) : null, median: median(xs), max: xs.length ? Math.max(...xs) : null };
  };
  return [
    sum("index", "index", "Social Progress Index", (r) => r.index),
    ...dims.flatMap((d) => [
      sum("dimension", d.code, d.name, (r) => r.dimensions[d.code]),
      ...d.components.map((c) => sum("component", c.code, c.name, (r) => r.components[c.code])),
    ]),
  ];
}
