/**
 * Weighted gap (gewogen kloof) of one respondent on one item of the
 * contactladder: how far the desired situation is from the actual one, turned
 * so that a positive value is a need, and weighted by how important the
 * respondent finds it.
 *
 * Formula (shared/spec/instruments.md, "Computations"; domain-research.md §1.5),
 * with actual A and desired D on a scale 1..K, importance B on 1..M, polarity p:
 *
 *   normalised gap        g  = (D − A) / (K − 1)          in [−1, 1]
 *   problem-aligned gap   n  = p · g                      > 0 need, 0 satisfied, < 0 more than wanted
 *   importance weight     w  = (B − 1) / (M − 1)          in [0, 1]; "not important at all" gives 0
 *   weighted gap          WG = w · n                      in [−1, 1]
 *
 * The reading — difference first, then weighted by importance — is the usual
 * construction of importance-weighted discrepancy scores (importance–performance
 * analysis); the published contactladder sources give no formula.
 *
 * "Don't know" is stored as missing (null) and never counts as a value: an item
 * with a missing actual, desired or (when asked) importance rating gives no gap.
 * When an instrument asks no importance, every weight is 1.
 *
 * @example
 * // annoyance (p = −1) now "agree" (4), wanted "disagree" (2), importance "very important" (5)
 * weightedGap({ actual: 4, desired: 2, importance: 5 }, { polarity: -1, scalePoints: 5, importancePoints: 5 })
 * // → { normalisedGap: -0.5, problemAlignedGap: 0.5, importanceWeight: 1, weightedGap: 0.5 }
 */

export interface PairedAnswer {
  actual: number | null;
  desired: number | null;
  /** Absent when the instrument asks no importance. */
  importance?: number | null;
}

export interface GapSettings {
  polarity: 1 | -1;
  /** K: the number of points on the actual/desired scale. */
  scalePoints: number;
  /** M: the number of points on the importance scale; undefined when importance is not asked (weight 1). */
  importancePoints?: number;
}

export interface ItemGap {
  normalisedGap: number;
  problemAlignedGap: number;
  importanceWeight: number;
  weightedGap: number;
}

export function weightedGap(answer: PairedAnswer, settings: GapSettings): ItemGap | undefined {
  const { actual, desired } = answer;
  if (actual === null || desired === null) return undefined;
  const importanceWeight = importanceWeightOf(answer.importance ?? null, settings);
  if (Number.isNaN(importanceWeight)) return undefined;
  const normalisedGap = normalisedGapOf(actual, desired, settings);
  const problemAlignedGap = problemAlignedGapOf(normalisedGap, settings);
  return { normalisedGap, problemAlignedGap, importanceWeight, weightedGap: importanceWeight * problemAlignedGap + 0 };
}

/*
 * The steps of the formula one number at a time, for the analysis's main
 * loop, which scores millions of items and must not allocate an object for each.
 */

/** g = (D − A) / (K − 1). */
export function normalisedGapOf(actual: number, desired: number, settings: GapSettings): number {
  if (settings.scalePoints < 2) throw new Error('weightedGap requires a scale of at least two points');
  return (desired - actual) / (settings.scalePoints - 1);
}

/** p = polarity × g; `+ 0` turns −0 into 0, so "satisfied" is one value whichever the polarity. */
export function problemAlignedGapOf(normalisedGap: number, settings: GapSettings): number {
  return settings.polarity * normalisedGap + 0;
}

/** w = (B − 1) / (M − 1); 1 when importance is not asked; NaN when it is asked but not answered (no score). */
export function importanceWeightOf(importance: number | null, settings: GapSettings): number {
  if (settings.importancePoints === undefined) return 1;
  return importance === null ? NaN : (importance - 1) / (settings.importancePoints - 1);
}
