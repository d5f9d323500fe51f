import type { TGrid } from "./observations";

/** Bit flags per cell, shared by all steps. */
export const FLAG_CARRIED = 1;
export const FLAG_IMPUTED = 2;
export const FLAG_CLAMPED_U = 4;
export const FLAG_CLAMPED_D = 8;

/**
 * SPI-METHOD §2 step 1. For each area and indicator, a missing value in year t takes
 * the latest *observed* value from years t-window … t-1 (never a carried one, so a
 * value cannot travel further than the window). Returns the filled values (new array,
 * same layout as grid.raw: one column per indicator, cells by area then period) and
 * sets FLAG_CARRIED in `flags`. Window 0 = off. Cost: O(areas × periods × indicators),
 * one contiguous pass. `inPlace` fills grid.raw itself and returns it (only missing
 * cells are written and only observed ones read, so the result is the same). With
 * `present` (one entry per area × period), marks the cells with any value afterwards.
 */
export function carryForward(grid: TGrid, windowYears: number, flags: Uint8Array, inPlace = false, present: Uint8Array | null = null): Float64Array {
  const { raw, periods } = grid;
  const out = inPlace ? raw : Float64Array.from(raw);
  const nCells = grid.areaCodes.length * periods.length;
  const carry = windowYears > 0 && periods.length >= 2;
  for (let from = 0; from < raw.length && nCells > 0; from += nCells) {
    if (carry) carryColumn(raw, out, flags, from, nCells, periods, windowYears, present);
    else if (present) markPresent(out.subarray(from, from + nCells), present);
  }
  return out;
}

/**
 * Step 1 on one indicator's column (cells [from, from + nCells)): each (area) is a run
 * of nP consecutive cells. With `present`, also marks the (area, period) cells that
 * have a value afterwards, saving the caller a pass over the whole grid.
 */
function carryColumn(raw: Float64Array, out: Float64Array, flags: Uint8Array, from: number, nCells: number, periods: readonly number[], windowYears: number, present: Uint8Array | null): void {
  const nP = periods.length;
  for (let start = from; start < from + nCells; start += nP) {
    let lastP = -1;
    for (let p = 0; p < nP; p++) {
      const v = raw[start + p];
      if (v === v) {
        lastP = p;
        if (present) present[start - from + p] = 1;
      } else if (lastP >= 0 && periods[p] - periods[lastP] <= windowYears) {
        out[start + p] = raw[start + lastP];
        flags[start + p] |= FLAG_CARRIED;
        if (present) present[start - from + p] = 1;
      }
    }
  }
}

/** present[c] = 1 where col[c] has a value (a small function of its own: see scanColumn in diagnostics.ts). */
export function markPresent(col: Float64Array, present: Uint8Array): void {
  for (let c = 0; c < col.length; c++) if (col[c] === col[c]) present[c] = 1;
}
