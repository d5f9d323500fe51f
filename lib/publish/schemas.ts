/**
 * Frictionless table schemas of the CSV files. The CSV builders take their column order from
 * these, so a file's header always matches its schema.
 */

export interface TTableField {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  title?: string;
  description: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

export interface TTableSchema {
  fields: TTableField[];
  primaryKey?: string[];
  missingValues: string[];
}

export const SCORES_SCHEMA: TTableSchema = {
  fields: [
    { name: "area", type: "string", description: "ONS GSS code of the ward", constraints: { required: true } },
    { name: "area_name", type: "string", description: "Ward name" },
    { name: "period", type: "integer", description: "Year", constraints: { required: true } },
    { name: "level", type: "string", description: "index, dimension or component", constraints: { required: true, enum: ["index", "dimension", "component"] } },
    { name: "code", type: "string", description: "Framework code of the score (\"index\" for the index)", constraints: { required: true } },
    { name: "score", type: "number", description: "Score from 0 to 100, higher is better; empty when it could not be computed" },
    { name: "rank", type: "integer", description: "Rank among the council's wards in that year and score (1 is best)", constraints: { minimum: 1 } },
  ],
  primaryKey: ["area", "period", "level", "code"],
  missingValues: [""],
};

export const INDICATOR_VALUES_SCHEMA: TTableSchema = {
  fields: [
    { name: "area", type: "string", description: "ONS GSS code of the ward", constraints: { required: true } },
    { name: "area_name", type: "string", description: "Ward name" },
    { name: "indicator", type: "string", description: "Framework code of the indicator", constraints: { required: true } },
    { name: "period", type: "integer", description: "Year", constraints: { required: true } },
    { name: "value", type: "number", description: "The value the index was calculated from, as published by its source; empty when that year had none" },
    { name: "unit", type: "string", description: "Unit of the value" },
    { name: "score", type: "number", description: "Indicator score from 0 (worst bound) to 100 (best bound)" },
    { name: "flags", type: "string", description: "How the score was obtained when not observed that year: carried, imputed, clampedUtopia, clampedDystopia (separated by ;)" },
  ],
  primaryKey: ["area", "indicator", "period"],
  missingValues: [""],
};
