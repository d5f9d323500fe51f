/**
 * The population a release weights a ward by: the one its score run recorded (frozen with the
 * release), or, for runs from before runs recorded their wards, the latest figure held.
 */
export function runPopulations(runAreas: unknown): (code: string, latest: number | null | undefined) => number | null {
  if (!Array.isArray(runAreas)) return (_code, latest) => latest ?? null;
  const byCode = new Map((runAreas as Array<{ code: string; population: number | null }>).map((a) => [a.code, a.population ?? null]));
  return (code) => byCode.get(code) ?? null;
}
