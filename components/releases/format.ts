/** Display helpers shared by the release screens. Scores are shown to 1 decimal place. */

export const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** A score on the 0–100 scale, or "No data". */
export function score(v: number | null | undefined, dp = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "No data" : v.toFixed(dp);
}

/** A signed change with a real minus sign, e.g. "+1.2", "−0.4". */
export function signed(v: number | null | undefined, dp = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "No data";
  const r = Number(v.toFixed(dp));
  return `${r > 0 ? "+" : r < 0 ? "−" : ""}${Math.abs(r).toFixed(dp)}`;
}

/** A fraction as a whole percentage. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? "No data" : `${Math.round(v * 100)}%`;
}

/** The score columns of a framework: index, dimensions, then components, in framework order. */
export interface TScoreColumn {
  level: "index" | "dimension" | "component";
  code: string;
  name: string;
}

export interface TFrameworkShape {
  dimensions: Array<{ code: string; name: string; components: Array<{ code: string; name: string; indicators: Array<{ code: string; name: string; unit?: string; direction?: number }> }> }>;
}

export function scoreColumns(f: TFrameworkShape): TScoreColumn[] {
  return [
    { level: "index", code: "index", name: "Social Progress Index" },
    ...f.dimensions.map((d) => ({ level: "dimension" as const, code: d.code, name: d.name })),
    ...f.dimensions.flatMap((d) => d.components.map((c) => ({ level: "component" as const, code: c.code, name: c.name }))),
  ];
}

/** Read one score of a result row by column. */
export function pick(row: { index: number | null; dimensions: Record<string, number | null>; components: Record<string, number | null> } | undefined, col: Pick<TScoreColumn, "level" | "code">): number | null {
  if (!row) return null;
  if (col.level === "index") return row.index;
  return (col.level === "dimension" ? row.dimensions[col.code] : row.components[col.code]) ?? null;
}

export function pickRank(row: { ranks: { index: number | null; dimensions: Record<string, number | null>; components: Record<string, number | null> } } | undefined, col: Pick<TScoreColumn, "level" | "code">): number | null {
  if (!row) return null;
  if (col.level === "index") return row.ranks.index;
  return (col.level === "dimension" ? row.ranks.dimensions[col.code] : row.ranks.components[col.code]) ?? null;
}
