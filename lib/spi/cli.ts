/**
 * `spi` command line. The only file of lib/spi that does I/O: it reads files, calls
 * the pure engine and writes results. Subcommands are a plain map, so new ones
 * (e.g. `validate` for upload files) are one entry each.
 *
 * Exit codes: 0 ok, 1 input problems (printed as a list), 2 usage.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { createObservationsCsvParser, parseAreasCsv } from "./csv";
import { scoreFramework } from "./engine";
import { validateFramework } from "./framework";
import { proposeBounds } from "./propose-bounds";
import { resultJsonChunks, scoresCsvChunks } from "./serialize";
import type { TArea, TObservationColumns, TProblem, TScoreOptions } from "./types";

export interface TCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}
type TArgs = { positional: string[]; flags: Record<string, string | true> };
export interface TCommand {
  /** One-line usage; a function for commands whose module is loaded only when needed. */
  usage: string | (() => Promise<string>);
  run: (args: TArgs, io: TCliIo) => Promise<number>;
}

class UsageError extends Error {}
class InputError extends Error {
  constructor(public problems: TProblem[]) {
    super("input problems");
  }
}

function parseArgs(argv: string[]): TArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [k, inline] = a.slice(2).split("=", 2);
      if (inline !== undefined) flags[k] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

const str = (args: TArgs, name: string, required = false): string | undefined => {
  const v = args.flags[name];
  if (v === true) throw new UsageError(`--${name} needs a value`);
  if (v === undefined && required) throw new UsageError(`--${name} is required`);
  return v;
};

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError([{ severity: "error", message: `cannot read ${what} ${file}: ${(e as Error).message}` }]);
  }
}

function readJson(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError([{ severity: "error", message: `${what} ${file} is not valid JSON: ${(e as Error).message}` }]);
  }
}

/** Stream a (possibly multi-GB) observations CSV through the pure parser. */
async function readObservations(file: string): Promise<TObservationColumns> {
  const parser = createObservationsCsvParser();
  try {
    // raw bytes: the parser reads UTF-8 lines without decoding them (see csv-fast.ts)
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) parser.pushBytes(chunk as Uint8Array);
  } catch (e) {
    throw new InputError([{ severity: "error", message: `cannot read observations ${file}: ${(e as Error).message}` }]);
  }
  const r = parser.end();
  if (r.problems.length) throw new InputError(r.problems.map((p) => ({ ...p, message: `${file}: ${p.message}` })));
  return r.columns;
}

function readAreas(file: string | undefined): TArea[] | undefined {
  if (!file) return undefined;
  const r = parseAreasCsv(readText(file, "areas"));
  if (r.problems.length) throw new InputError(r.problems.map((p) => ({ ...p, message: `${file}: ${p.message}` })));
  return r.areas;
}

function writeOut(args: TArgs, io: TCliIo, text: string): void {
  const out = str(args, "out");
  if (out) writeFileSync(out, text);
  else io.out(text);
}

/** Write text chunk by chunk (to --out or stdout), never holding the whole output. */
function writeChunks(args: TArgs, io: TCliIo, chunks: Iterable<string>): void {
  const out = str(args, "out");
  if (!out) {
    for (const c of chunks) io.out(c);
    return;
  }
  const fd = openSync(out, "w");
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}

function* thenNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield "\n";
}

const FORMATS = ["json", "columnar-json", "csv"];

/** "error line 12, value: message" — one problem per line. */
export function formatProblem(p: TProblem): string {
  const where = [p.path, p.area && `area ${p.area}`, p.indicator && `indicator ${p.indicator}`, p.period !== undefined && `period ${p.period}`, p.line !== undefined && `line ${p.line}`, p.column && `column ${p.column}`]
    .filter(Boolean)
    .join(", ");
  return `${p.severity}${where ? ` (${where})` : ""}: ${p.message}`;
}

const score: TCommand = {
  usage: "spi score --framework F.json --observations O.csv [--areas A.csv] [--options opts.json] [--draws N --seed S] [--out R.json] [--format json|columnar-json|csv] [--pretty]",
  async run(args, io) {
    const format = str(args, "format") ?? "json";
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(", ")}`);
    const [fwFile, obsFile] = [str(args, "framework", true)!, str(args, "observations", true)!];
    const framework = readJson(fwFile, "framework");
    const observations = await readObservations(obsFile);
    const areas = readAreas(str(args, "areas"));
    const options = (str(args, "options") ? readJson(str(args, "options")!, "options") : {}) as TScoreOptions;
    const draws = str(args, "draws");
    if (draws !== undefined) options.uncertainty = { ...options.uncertainty, draws: Number(draws), seed: Number(str(args, "seed") ?? 1) };
    // columnar in memory whatever the output: the rows format is written straight from the columns
    const outcome = scoreFramework({ framework, observations, areas, options, resultLayout: "columnar", sha256: () => createHash("sha256") });
    if (!outcome.ok) throw new InputError(outcome.problems);
    for (const p of outcome.result.problems) io.err(formatProblem(p));
    const indent = args.flags.pretty ? 1 : undefined;
    const layout = format === "json" ? "rows" : "columnar";
    writeChunks(args, io, format === "csv" ? scoresCsvChunks(outcome.result) : thenNewline(resultJsonChunks(outcome.result, { layout, indent })));
    return 0;
  },
};

const validate: TCommand = {
  usage: "spi validate-framework F.json",
  async run(args, io) {
    const file = args.positional[0] ?? str(args, "framework");
    if (!file) throw new UsageError("give the framework file");
    const v = validateFramework(readJson(file, "framework"));
    if (!v.ok) throw new InputError(v.problems);
    for (const p of v.problems) io.err(formatProblem(p));
    const fw = v.framework;
    io.out(`ok: ${fw.id} edition ${fw.edition}: ${fw.dimensions.length} dimensions, ${fw.components.length} components, ${fw.indicators.length} indicators\n`);
    return 0;
  },
};

const bounds: TCommand = {
  usage: "spi propose-bounds --framework F.json --observations O.csv [--margin 0.05] [--out B.json]",
  async run(args, io) {
    const [fwFile, obsFile] = [str(args, "framework", true)!, str(args, "observations", true)!];
    const v = validateFramework(readJson(fwFile, "framework"));
    if (!v.ok) throw new InputError(v.problems);
    const cols = await readObservations(obsFile);
    const observations = Array.from({ length: cols.length }, (_, r) => ({
      area: cols.areaCodes[cols.area[r]],
      indicator: cols.indicatorCodes[cols.indicator[r]],
      period: cols.period[r],
      value: Number.isNaN(cols.value[r]) ? null : cols.value[r],
    }));
    const margin = str(args, "margin");
    const proposal = proposeBounds({
      indicators: v.framework.indicators.map((i) => ({ code: i.code, unit: i.unit, direction: i.direction, transform: i.transform })),
      observations,
      marginFraction: margin === undefined ? undefined : Number(margin),
    });
    writeOut(args, io, JSON.stringify(proposal, null, 2) + "\n");
    return 0;
  },
};

/** Subcommands by name. Add an entry to add a command. */
export const commands: Record<string, TCommand> = {
  score,
  "validate-framework": validate,
  "propose-bounds": bounds,
  // lib/ingest (spreadsheet reading and more) takes about a second to load: only when asked for
  validate: {
    usage: async () => (await import("../ingest/cli-validate")).VALIDATE_USAGE,
    run: async (args, io) => (await import("../ingest/cli-validate")).runValidate(args, io),
  },
};

const usageOf = async (c: TCommand) => (typeof c.usage === "string" ? c.usage : c.usage());

async function usage(): Promise<string> {
  const lines = await Promise.all(Object.values(commands).map(usageOf));
  return `usage:\n${lines.map((u) => `  ${u}`).join("\n")}\n`;
}

/** Run the CLI; returns the exit code (never calls process.exit, so tests can call it). */
export async function main(argv: string[], io: TCliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s + "\n") }): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    io.err(name && name !== "--help" ? `unknown command "${name}"\n${await usage()}` : await usage());
    return name === "--help" ? 0 : 2;
  }
  try {
    return await cmd.run(parseArgs(rest), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nusage: ${await usageOf(cmd)}`);
      return 2;
    }
    if (e instanceof InputError) {
      for (const p of e.problems) io.err(formatProblem(p));
      return 1;
    }
    throw e;
  }
}
