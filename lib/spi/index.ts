/**
 * Local SPI scoring engine — public entry. Pure: plain data in, plain data out
 * (no I/O, database or framework imports; see purity.test.ts).
 */
export { scoreFramework, ENGINE_VERSION, type TScoreInput, type TResolvedOptions, type TResultLayout } from "./engine";
export { columnarToRows } from "./columnar";
export type { TSha256Factory } from "./hash";
export { validateFramework, ZFramework, type TResolvedFramework, type TFrameworkValidation } from "./framework";
export { parseObservationsCsv, parseAreasCsv, parseRecords, createObservationsCsvParser, scoresToCsv } from "./csv";
export type * from "./types";
export type * from "./result-types";
