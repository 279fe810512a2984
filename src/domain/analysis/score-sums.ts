/**
 * The sums a unit keeps per item or dimension, from which all its figures
 * follow (unit-summary.ts): the number of respondents with a score, how many
 * of them rated importance, how many want improvement and how many want
 * less, and Σx and Σx² of actual, desired, importance, problem-aligned gap and
 * weighted gap (instruments.md, "Computations", step 6).
 *
 * A unit keeps all its items and dimensions in one Float64Array, one slot of
 * `slotSize` numbers each, so a city-scale analysis with tens of thousands of
 * units allocates one array (or arena slice) per unit, not one per figure.
 * Slot layout: n, importance n, n wanting improvement, n wanting less, then Σx
 * and Σx² for the five quantities.
 */
import type { ScoreColumns } from './respondent-scores.js';

export const slotSize = 14;
export const sumAt = 4;
export const squareAt = 9;
export const [actualQuantity, desiredQuantity, importanceQuantity, gapQuantity, weightedGapQuantity] = [0, 1, 2, 3, 4] as const;

/** A gap this close to zero counts as satisfied: means of fractions are not exact. */
const satisfiedTolerance = 1e-9;

function addValue(data: Float64Array, slot: number, quantity: number, value: number): void {
  data[slot + sumAt + quantity]! += value;
  data[slot + squareAt + quantity]! += value * value;
}

/** Adds row `index` of the columns to the slot at `slot`, when it holds a score. */
export function addScore(data: Float64Array, slot: number, columns: ScoreColumns, index: number): void {
  const weightedGap = columns.weightedGap[index]!;
  if (Number.isNaN(weightedGap)) return;
  const problemAlignedGap = columns.problemAlignedGap[index]!;
  const importance = columns.importance[index]!;
  data[slot]! += 1;
  addValue(data, slot, actualQuantity, columns.actual[index]!);
  addValue(data, slot, desiredQuantity, columns.desired[index]!);
  if (!Number.isNaN(importance)) {
    data[slot + 1]! += 1;
    addValue(data, slot, importanceQuantity, importance);
  }
  addValue(data, slot, gapQuantity, problemAlignedGap);
  addValue(data, slot, weightedGapQuantity, weightedGap);
  if (problemAlignedGap > satisfiedTolerance) data[slot + 2]! += 1;
  else if (problemAlignedGap < -satisfiedTolerance) data[slot + 3]! += 1;
}

/**
 * Adds `length` numbers of sums already laid out in slots (another unit's)
 * from `sums` at `from` to `data` at `at`: counts, sums and sums of squares
 * simply add up.
 */
export function addSums(data: Float64Array, at: number, sums: Float64Array, from: number, length: number): void {
  for (let index = 0; index < length; index++) data[at + index]! += sums[from + index]!;
}
