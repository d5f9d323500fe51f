import type { TransformStep } from "./types";

/**
 * SPI-METHOD §2 step 2: apply an indicator's pipeline in order. floor → max(x, f),
 * cap → min(x, c), log → ln x (x > 0), log1p → ln(x + 1) (x > −1), parity → |t − x|.
 * Returns NaN when a step is outside its domain (the caller treats the value as
 * missing and reports it). No rounding.
 */
export function applyTransform(steps: readonly TransformStep[], x: number): number {
  let v = x;
  for (const s of steps) {
    if ("floor" in s) v = v < s.floor ? s.floor : v;
    else if ("cap" in s) v = v > s.cap ? s.cap : v;
    else if ("log" in s) v = v > 0 ? Math.log(v) : NaN;
    else if ("log1p" in s) v = v > -1 ? Math.log1p(v) : NaN;
    else v = Math.abs(s.parity - v);
    if (v !== v) return NaN;
  }
  return v;
}

/** Human-readable form of a pipeline, for messages. */
export function describeTransform(steps: readonly TransformStep[]): string {
  return steps
    .map((s) => ("floor" in s ? `floor ${s.floor}` : "cap" in s ? `cap ${s.cap}` : "log" in s ? "ln" : "log1p" in s ? "ln(x+1)" : `|${s.parity} − x|`))
    .join(" → ");
}
