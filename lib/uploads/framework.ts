import type { TIngestIndicator } from "@/lib/ingest/types";
import type { TScopedClient, TScopedTx } from "@/lib/db/scoped";
import { notFound } from "@/lib/errors";

/** The parts of a framework file (data/frameworks/<code>/framework.json) the upload wizard reads. */
interface TFrameworkDefinition {
  id: string;
  edition: string;
  name: string;
  carryForwardYears?: number;
  dimensions: Array<{
    code: string;
    name: string;
    components: Array<{
      code: string;
      name: string;
      maxMissing?: number;
      indicators: Array<{ code: string; name: string; unit: string; direction: 1 | -1; utopia: number; dystopia: number }>;
    }>;
  }>;
}

export interface TEditionSummary {
  id: string;
  code: string;
  edition: string;
  name: string;
  periodMin: number;
  periodMax: number;
}

const SUMMARY = { id: true, code: true, edition: true, name: true, periodMin: true, periodMax: true } as const;

/** Every published framework edition, newest code/edition last. */
export async function findFrameworkEditions(db: TScopedClient | TScopedTx): Promise<TEditionSummary[]> {
  return db.frameworkEdition.findMany({ select: SUMMARY, orderBy: [{ code: "asc" }, { edition: "asc" }] });
}

/** One edition with its definition, or NOT_FOUND. */
export async function getFrameworkEdition(db: TScopedClient | TScopedTx, id: string) {
  const e = await db.frameworkEdition.findUnique({ where: { id }, select: { ...SUMMARY, definition: true } });
  if (!e) throw notFound("Framework edition");
  return { ...e, definition: e.definition as unknown as TFrameworkDefinition };
}

/** The edition's indicators in framework order, each with its component code. */
export function editionIndicators(definition: TFrameworkDefinition): TIngestIndicator[] {
  return definition.dimensions.flatMap((d) =>
    d.components.flatMap((c) =>
      c.indicators.map((i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        utopia: i.utopia,
        dystopia: i.dystopia,
        component: c.code,
      })),
    ),
  );
}

/** The engine settings the validator's coverage report needs (carry-forward years, missing allowance). */
export function editionEngineSettings(definition: TFrameworkDefinition): { carryForwardYears?: number; maxMissing?: number } {
  const maxMissing = definition.dimensions.flatMap((d) => d.components.map((c) => c.maxMissing)).find((m) => m !== undefined);
  return { carryForwardYears: definition.carryForwardYears, maxMissing };
}
