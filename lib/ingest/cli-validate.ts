import { parseAreasCsv, validateFramework } from "../spi";
import { contextFromFramework } from "./context";
import { validateUpload } from "./index";
import { readBytes } from "./io";

/*
 * `spi validate`: the same validateUpload the upload wizard calls, from the command line.
 * Prints { ok, summary, issues } as JSON; exit 0 loadable, 1 not, 2 usage.
 */

export const VALIDATE_USAGE = "spi validate --framework F.json --areas A.csv [--period YYYY] [--sheet NAME] [--min-period Y] [--max-period Y] FILE";

type TArgs = { positional: string[]; flags: Record<string, string | true> };
type TIo = { out: (s: string) => void; err: (s: string) => void };

const decoder = new TextDecoder();

/** Run `spi validate`; returns the exit code. Periods default to 1990 … this year + 1. */
export async function runValidate(args: TArgs, io: TIo): Promise<number> {
  const flag = (k: string) => (typeof args.flags[k] === "string" ? (args.flags[k] as string) : undefined);
  const usage = (msg: string) => (io.err(`${msg}\nusage: ${VALIDATE_USAGE}`), 2);
  const fwFile = flag("framework"), areasFile = flag("areas"), file = args.positional[0];
  if (!fwFile || !areasFile || !file) return usage("--framework, --areas and FILE are required");
  const year = (k: string, dflt?: number) => {
    const v = flag(k);
    if (v === undefined) return dflt;
    return /^\d{4}$/.test(v) ? Number(v) : NaN;
  };
  const period = year("period"), min = year("min-period", 1990)!, max = year("max-period", new Date().getFullYear() + 1)!;
  if ([period, min, max].some((v) => v !== undefined && Number.isNaN(v))) return usage("--period, --min-period and --max-period take a 4-digit year");
  const inputs = [readBytes(fwFile), readBytes(areasFile), readBytes(file)];
  for (const r of inputs) if (!r.ok) return (io.err(r.message), 1);
  const [fwBytes, areaBytes, bytes] = inputs.map((r) => (r as { bytes: Uint8Array }).bytes);
  let fwJson: unknown;
  try {
    fwJson = JSON.parse(decoder.decode(fwBytes));
  } catch (e) {
    return io.err(`framework ${fwFile} is not valid JSON: ${(e as Error).message}`), 1;
  }
  const fw = validateFramework(fwJson);
  if (!fw.ok) return io.err(`framework ${fwFile} is invalid: ${fw.problems.map((p) => p.message).join("; ")}`), 1;
  const areas = parseAreasCsv(decoder.decode(areaBytes));
  if (areas.problems.length) return io.err(`areas ${areasFile}: ${areas.problems.map((p) => p.message).join("; ")}`), 1;
  const context = contextFromFramework(fw.framework, areas.areas, { periodRange: { min, max }, period });
  const r = await validateUpload({ bytes, filename: file, context, sheet: flag("sheet") });
  const report = { ok: r.ok, ...(r.refused ? { refused: r.refused } : {}), summary: r.summary, issues: r.issues.map(({ row, column, code, severity, message }) => ({ row, column, code, severity, message })) };
  io.out(JSON.stringify(report, null, 1) + "\n");
  return r.ok ? 0 : 1;
}
