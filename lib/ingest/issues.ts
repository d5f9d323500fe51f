import { containsPii } from "./pii";
import type { TIssue, TSeverity } from "./types";

/*
 * Issue collection with per-code caps: a million-row file with one systematic mistake
 * must give a readable report (the first rows, then "… and N more"), not a million
 * entries. Counts stay exact for the summary.
 */

/** Issues listed per code before the rest are folded into one aggregate entry. */
export const ISSUES_PER_CODE = 50;

export interface TIssueSink {
  add(issue: TIssue): void;
  /** Remove every issue about these source columns (used when a column turns out to be personal data). */
  dropColumns(columns: Set<string>): void;
  finish(): { issues: TIssue[]; errors: number; warnings: number; infos: number };
  errorCount(): number;
}

export function createIssueSink(perCode = ISSUES_PER_CODE): TIssueSink {
  let listed: TIssue[] = [];
  const counts = new Map<string, { severity: TSeverity; n: number; byColumn: Map<string | null, number> }>();
  let errors = 0;
  return {
    add(issue) {
      let c = counts.get(issue.code);
      if (!c) counts.set(issue.code, (c = { severity: issue.severity, n: 0, byColumn: new Map() }));
      c.n++;
      c.byColumn.set(issue.column, (c.byColumn.get(issue.column) ?? 0) + 1);
      if (issue.severity === "error") errors++;
      if (c.n <= perCode) listed.push(issue);
    },
    dropColumns(columns) {
      listed = listed.filter((i) => i.column === null || !columns.has(i.column));
      for (const [code, c] of counts) {
        for (const col of columns) {
          const k = c.byColumn.get(col);
          if (k) {
            c.n -= k;
            if (c.severity === "error") errors -= k;
            c.byColumn.delete(col);
          }
        }
        if (c.n <= 0) counts.delete(code);
      }
    },
    errorCount: () => errors,
    finish() {
      const issues = [...listed];
      const tally = { error: 0, warning: 0, info: 0 };
      for (const [code, c] of counts) {
        tally[c.severity] += c.n;
        const shown = listed.filter((i) => i.code === code).length;
        if (c.n > shown) {
          issues.push({
            row: null,
            column: null,
            code,
            severity: c.severity,
            message: `… and ${c.n - shown} more with the same problem (${code}); the first ${shown} are listed`,
            count: c.n - shown,
          });
        }
      }
      return { issues, errors: tally.error, warnings: tally.warning, infos: tally.info };
    },
  };
}

const MAX_SHOWN = 40;

/**
 * A cell value as it may appear in a message: quoted, shortened, control characters
 * escaped; a cell that looks like personal data is never shown (belt and braces: whole
 * personal-data columns are also dropped).
 */
export function quote(s: string): string {
  if (containsPii(s)) return "(a value that looks like personal data, not shown)";
  const t = s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
  return `"${t.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}
