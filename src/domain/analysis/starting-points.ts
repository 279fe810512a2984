/**
 * Starting points (aangrijpingspunten): the dimensions of a unit where action
 * is called for, ranked by weighted gap (instruments.md, "Computations";
 * domain-research.md §1.5 step 7). A dimension is a starting point when
 *
 *   WG ≥ startingPointWeightedGap (0.15)  and
 *   share wanting improvement ≥ startingPointShareWantingImprovement (0.30)  and
 *   the unit is large enough to report (disclosure control decides that first).
 *
 * The thresholds come from the instrument file. No starting point is an
 * explicit result ("no need"), which the report states in words.
 *
 * @example
 * findStartingPoints(figures.dimensions.needs(), thresholds) // → { kind: 'starting-points', ranked: [{ dimension: 'mutual-help', weightedGap: 0.31, … }] }
 */
import type { Thresholds } from '../instrument.js';

/** A dimension's weighted gap and share wanting improvement (FigureMap.needs): what a starting point is decided on, and what it shows. */
export interface StartingPoint {
  dimension: string;
  weightedGap: number;
  shareWantingImprovement: number;
}

export type StartingPointsResult =
  | { kind: 'starting-points'; ranked: StartingPoint[] }
  | { kind: 'no-need' };

/** One shared answer for every unit without a starting point: tens of thousands of street × group cells need no copy each. */
const noNeed: StartingPointsResult = Object.freeze({ kind: 'no-need' });

export function findStartingPoints(dimensions: readonly StartingPoint[], thresholds: Thresholds): StartingPointsResult {
  const ranked = dimensions.filter((candidate) => candidate.weightedGap >= thresholds.startingPointWeightedGap
    && candidate.shareWantingImprovement >= thresholds.startingPointShareWantingImprovement);
  // Ties in the weighted gap go by dimension id (plain ids, so a plain comparison).
  ranked.sort((a, b) => b.weightedGap - a.weightedGap || (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0));
  return ranked.length > 0 ? { kind: 'starting-points', ranked } : noNeed;
}
