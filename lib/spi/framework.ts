import { z } from "zod";
import type {
  TAggregation,
  TDirection,
  TFramework,
  TIndicator,
  TProblem,
  TransformStep,
  TWeighting,
} from "./types";

/*
 * Framework schema. Objects are checked twice: strictly (unknown keys become
 * warnings, so a typo such as "maxmissing" is reported rather than silently
 * ignored) and then leniently (unknown keys stripped) to decide validity.
 */
const finite = z.number().refine(Number.isFinite, "must be a finite number");
const code = z.string().trim().min(1, "must not be empty").max(100);

function schemas(strict: boolean) {
  const obj = <T extends z.ZodRawShape>(shape: T) => (strict ? z.strictObject(shape) : z.object(shape));
  const ZTransformStep = z.union([
    z.strictObject({ floor: finite }),
    z.strictObject({ cap: finite }),
    z.strictObject({ log: z.literal(true) }),
    z.strictObject({ log1p: z.literal(true) }),
    z.strictObject({ parity: finite }),
  ]);
  const ZAggregation = z.union([
    z.literal("arithmetic"),
    z.strictObject({ powerMean: finite }),
  ]);
  const ZWeighting = z.union([
    z.literal("equal"),
    z.literal("pca"),
    z.strictObject({ fixed: z.record(z.string(), finite) }),
  ]);
  const ZIndicator = obj({
    code,
    name: z.string(),
    unit: z.string(),
    direction: z.union([z.literal(1), z.literal(-1)]),
    utopia: finite,
    dystopia: finite,
    transform: z.array(ZTransformStep).optional(),
    source: z.string().optional(),
    boundsRationale: z.string().optional(),
  });
  const ZComponent = obj({
    code,
    name: z.string(),
    weighting: ZWeighting.optional(),
    maxMissing: z.number().int().min(0).optional(),
    indicators: z.array(ZIndicator).min(1, "a component needs at least one indicator").max(30, "at most 30 indicators per component"),
  });
  const ZDimension = obj({
    code,
    name: z.string(),
    components: z.array(ZComponent).min(1, "a dimension needs at least one component"),
  });
  const ZFramework = obj({
    $schema: z.string().optional(),
    id: code,
    edition: z.string().min(1),
    name: z.string(),
    clamp: z.boolean().optional(),
    carryForwardYears: z.number().int().min(0).max(100).optional(),
    aggregation: obj({ dimension: ZAggregation.optional(), index: ZAggregation.optional() }).optional(),
    dimensions: z.array(ZDimension).min(1, "a framework needs at least one dimension"),
  });
  return ZFramework;
}

/** Zod schema of the framework file (unknown keys stripped). */
export const ZFramework = schemas(false);
const ZFrameworkStrict = schemas(true);

export interface TResolvedIndicator extends TIndicator {
  index: number;
  component: number;
  transform: TransformStep[];
}

export interface TResolvedComponent {
  code: string;
  name: string;
  index: number;
  dimension: number;
  weighting: TWeighting;
  /** Effective maxMissing: min(declared, k - 1), since at least one indicator must be present. */
  maxMissing: number;
  indicators: number[];
}

export interface TResolvedDimension {
  code: string;
  name: string;
  index: number;
  components: number[];
}

/** A validated framework with defaults applied and flat, index-based structure. */
export interface TResolvedFramework {
  id: string;
  edition: string;
  name: string;
  clamp: boolean;
  carryForwardYears: number;
  dimensionAggregation: TAggregation;
  indexAggregation: TAggregation;
  indicators: TResolvedIndicator[];
  components: TResolvedComponent[];
  dimensions: TResolvedDimension[];
  /** The framework as given, with unknown keys removed (used for hashing). */
  definition: TFramework;
}

export type TFrameworkValidation =
  | { ok: true; framework: TResolvedFramework; problems: TProblem[] }
  | { ok: false; problems: TProblem[] };

function pathOf(p: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const k of p) out += typeof k === "number" ? `[${k}]` : out === "" ? String(k) : `.${String(k)}`;
  return out || "(root)";
}

/**
 * Validate a framework (parsed JSON of unknown shape) and apply the defaults
 * (clamp true, carryForwardYears 2, weighting "equal", maxMissing 1, aggregation
 * arithmetic). Never throws: problems carry a path such as
 * `dimensions[0].components[1].indicators[2].utopia` and a message.
 */
export function validateFramework(input: unknown): TFrameworkValidation {
  const problems: TProblem[] = [];
  const strict = ZFrameworkStrict.safeParse(input);
  if (!strict.success) {
    for (const issue of strict.error.issues) {
      if (issue.code === "unrecognized_keys") {
        problems.push({ severity: "warning", path: pathOf(issue.path), message: `unknown key(s) ignored: ${issue.keys.join(", ")}` });
      }
    }
  }
  const parsed = ZFramework.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ severity: "error", path: pathOf(issue.path), message: issue.message });
    }
    return { ok: false, problems };
  }
  const def = parsed.data as TFramework & { $schema?: string };
  semanticChecks(def, problems);
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  return { ok: true, framework: resolve(def), problems };
}

function semanticChecks(def: TFramework, problems: TProblem[]): void {
  const err = (path: string, message: string) => problems.push({ severity: "error", path, message });
  const seen = { dimension: new Map<string, string>(), component: new Map<string, string>(), indicator: new Map<string, string>() };
  const unique = (kind: keyof typeof seen, c: string, path: string) => {
    const prev = seen[kind].get(c);
    if (prev !== undefined) err(`${path}.code`, `duplicate ${kind} code "${c}" (also at ${prev})`);
    else seen[kind].set(c, path);
  };
  def.dimensions.forEach((d, di) => {
    const dp = `dimensions[${di}]`;
    unique("dimension", d.code, dp);
    d.components.forEach((c, ci) => {
      const cp = `${dp}.components[${ci}]`;
      unique("component", c.code, cp);
      c.indicators.forEach((ind, ii) => {
        const ip = `${cp}.indicators[${ii}]`;
        unique("indicator", ind.code, ip);
        if (ind.utopia === ind.dystopia) err(`${ip}.utopia`, "utopia and dystopia must differ");
        else if (ind.direction === 1 && !(ind.utopia > ind.dystopia))
          err(`${ip}.utopia`, "direction 1 (higher is better) needs utopia > dystopia");
        else if (ind.direction === -1 && !(ind.utopia < ind.dystopia))
          err(`${ip}.utopia`, "direction -1 (lower is better) needs utopia < dystopia");
      });
      const w = c.weighting;
      if (w && typeof w === "object") {
        const codes = new Set(c.indicators.map((i) => i.code));
        let sum = 0;
        for (const [k, v] of Object.entries(w.fixed)) {
          if (!codes.has(k)) err(`${cp}.weighting.fixed.${k}`, `"${k}" is not an indicator of component ${c.code}`);
          if (v < 0) err(`${cp}.weighting.fixed.${k}`, "fixed weights must be >= 0");
          sum += v;
        }
        for (const i of c.indicators)
          if (!(i.code in w.fixed)) err(`${cp}.weighting.fixed`, `missing weight for indicator "${i.code}"`);
        if (!(sum > 0)) err(`${cp}.weighting.fixed`, "fixed weights must sum to more than 0");
      }
    });
  });
  for (const key of ["dimension", "index"] as const) {
    const a = def.aggregation?.[key];
    if (a && typeof a === "object" && a.powerMean > 10)
      err(`aggregation.${key}.powerMean`, "powerMean p must be <= 10 (large p overflows and stops averaging)");
  }
}

function resolve(def: TFramework): TResolvedFramework {
  const indicators: TResolvedIndicator[] = [];
  const components: TResolvedComponent[] = [];
  const dimensions: TResolvedDimension[] = [];
  for (const d of def.dimensions) {
    const dim: TResolvedDimension = { code: d.code, name: d.name, index: dimensions.length, components: [] };
    dimensions.push(dim);
    for (const c of d.components) {
      const k = c.indicators.length;
      const comp: TResolvedComponent = {
        code: c.code,
        name: c.name,
        index: components.length,
        dimension: dim.index,
        weighting: c.weighting ?? "equal",
        maxMissing: Math.min(c.maxMissing ?? 1, k - 1),
        indicators: [],
      };
      components.push(comp);
      dim.components.push(comp.index);
      for (const i of c.indicators) {
        comp.indicators.push(indicators.length);
        indicators.push({
          ...i,
          direction: i.direction as TDirection,
          transform: i.transform ?? [],
          index: indicators.length,
          component: comp.index,
        });
      }
    }
  }
  return {
    id: def.id,
    edition: def.edition,
    name: def.name,
    clamp: def.clamp ?? true,
    carryForwardYears: def.carryForwardYears ?? 2,
    dimensionAggregation: def.aggregation?.dimension ?? "arithmetic",
    indexAggregation: def.aggregation?.index ?? "arithmetic",
    indicators,
    components,
    dimensions,
    definition: def,
  };
}
