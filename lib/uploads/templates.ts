import ExcelJS from "exceljs";
import type { TScopedClient } from "@/lib/db/scoped";
import type { TIngestIndicator } from "@/lib/ingest/types";
import { editionIndicators, getFrameworkEdition } from "./framework";

/**
 * A cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) gets a leading apostrophe, then CSV quoting is applied.
 */
export function safeCsvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The same rule for a spreadsheet cell (no quoting needed: exceljs writes text cells as text). */
const safeText = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const toCsv = (rows: Array<Array<string | number | null>>) => rows.map((r) => r.map(safeCsvCell).join(",")).join("\r\n") + "\r\n";

/** "1.01 to 22.2 (lower is better)": the range the framework expects, for people filling the template in. */
export function expectedRange(i: TIngestIndicator): string {
  const lo = Math.min(i.utopia, i.dystopia);
  const hi = Math.max(i.utopia, i.dystopia);
  const fmt = (n: number) => String(Number(n.toPrecision(4)));
  return `${fmt(lo)} to ${fmt(hi)} (${i.direction === 1 ? "higher" : "lower"} is better)`;
}

interface TTemplateData {
  wards: Array<{ code: string; name: string }>;
  indicators: TIngestIndicator[];
  period: number;
}

/** Long layout: one row per ward and indicator, value left blank. Descriptive columns are ignored on upload. */
export function longRows(d: TTemplateData): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [["area_code", "area_name", "indicator_code", "indicator_name", "unit", "expected_range", "period", "value"]];
  for (const w of d.wards) for (const i of d.indicators) rows.push([w.code, w.name, i.code, i.name, i.unit, expectedRange(i), d.period, null]);
  return rows;
}

/** Wide layout: one row per ward, one column per indicator code (the year is chosen in the wizard). */
export function wideRows(d: TTemplateData): Array<Array<string | number | null>> {
  return [["area_code", "area_name", ...d.indicators.map((i) => i.code)], ...d.wards.map((w) => [w.code, w.name, ...d.indicators.map(() => null)])];
}

/** The XLSX template: a "data" sheet in the chosen layout and an "indicators" reference sheet. */
export async function buildTemplateWorkbook(d: TTemplateData, rows: Array<Array<string | number | null>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Local SPI";
  const data = wb.addWorksheet("data");
  for (const r of rows) data.addRow(r.map((c) => (typeof c === "string" ? safeText(c) : c)));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: "frozen", ySplit: 1 }];
  const ref = wb.addWorksheet("indicators");
  ref.addRow(["indicator_code", "indicator_name", "unit", "direction", "utopia", "dystopia", "expected_range", "component"]).font = { bold: true };
  for (const i of d.indicators) {
    ref.addRow([i.code, safeText(i.name), safeText(i.unit), i.direction === 1 ? "higher is better" : "lower is better", i.utopia, i.dystopia, expectedRange(i), i.component ?? ""]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A template for the council's wards and an edition's indicators, as CSV text or XLSX bytes. */
export async function buildTemplate(db: TScopedClient, opts: { editionId: string; format: "long" | "wide"; type: "csv" | "xlsx"; period?: number }) {
  const edition = await getFrameworkEdition(db, opts.editionId);
  const wards = await db.area.findMany({ where: { kind: "ward" }, select: { code: true, name: true }, orderBy: { name: "asc" }, distinct: ["code"] });
  const period = opts.period && opts.period >= edition.periodMin && opts.period <= edition.periodMax ? opts.period : edition.periodMax;
  const d: TTemplateData = { wards, indicators: editionIndicators(edition.definition), period };
  const rows = opts.format === "long" ? longRows(d) : wideRows(d);
  const body = opts.type === "csv" ? toCsv(rows) : await buildTemplateWorkbook(d, rows);
  return { body, edition: { code: edition.code, edition: edition.edition } };
}

export function templateFileName(e: { code: string; edition: string }, format: string, type: string): string {
  return `${e.code}-${e.edition}-${format}-template.${type}`;
}
