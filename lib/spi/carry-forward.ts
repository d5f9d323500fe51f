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
 * cells are written and only observed ones read, so the result is the same).
 */
export function carryForward(grid: TGrid, windowYears: number, flags: Uint8Array, inPlace = false): Float64Array {
  const { raw, periods } = grid;
  const out = inPlace ? raw : Float64Array.from(raw);
  const nP = periods.length;
  if (windowYears <= 0 || nP < 2) return out;
  // each (indicator, area) is a run of nP consecutive cells
  for (let start = 0; start < raw.length; start += nP) {
    let lastP = -1;
    for (let p = 0; p < nP; p++) {
      const v = raw[start + p];
      if (v === v) {
        lastP = p;
      } else if (lastP >= 0 && periods[p] - periods[lastP] <= windowYears) {
        out[start + p] = raw[start + lastP];
        flags[start + p] |= FLAG_CARRIED;
      }
    }
  }
  return out;
}
