/**
 * Reusable scratch memory for the per-component work of a run (the block of centred
 * columns the component statistics and the QR work in): allocated a dozen times per run
 * otherwise, and the churn of buffers is what makes the garbage collector run. The
 * engine is synchronous, so a buffer is never used by two callers at once; each caller
 * uses it only until it returns.
 */
const pools = new Map<string, Float64Array>();

/** `count` columns of n float64 each, as views of one shared buffer named `name` (contents undefined). */
export function scratchColumns(name: string, count: number, n: number): Float64Array[] {
  let buf = pools.get(name);
  if (!buf || buf.length < count * n) pools.set(name, (buf = new Float64Array(count * n)));
  return Array.from({ length: count }, (_, j) => buf.subarray(j * n, (j + 1) * n));
}
