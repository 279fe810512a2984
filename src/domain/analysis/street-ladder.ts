/**
 * Straatladder summary of one unit (instruments.md, "Straatladder per unit";
 * domain-research.md §2.4): how residents place their street on the ten rungs
 * now and where they want it, and — from the optional checklist — whether the
 * ladder is cumulative in this street rather than assumed to be (§3).
 *
 * - distribution of current and desired rungs (counts per rung), their medians,
 *   and their means with a 95 % interval (for the shift between waves);
 * - gap in rungs per respondent = desired − current, its mean with a 95 % interval;
 * - share wanting a higher rung (desired > current);
 * - with the checklist: each respondent's highest rung that applies now, its
 *   median, and the share whose pattern is not cumulative (a rung applies while
 *   a lower one does not).
 *
 * n is the respondents who gave both rungs, and every rung figure rests on
 * them: one who answered "don't know" to either rung placed the street nowhere
 * (recommendations.md, denominators). The checklist has its own n: those who
 * answered it in full. Counts under 5 are hidden by the report layer
 * (disclosure-control.ts).
 *
 * @example
 * summariseStreetLadder([{ current: 3, desired: 6 }, { current: 4, desired: 4 }], 10)
 * // → { n: 2, medianCurrent: 3.5, medianDesired: 5, shareWantingHigher: 0.5, gap: { mean: 1.5, … }, … }
 */
import { median } from 'simple-statistics';
import { meanWithInterval, type MeanInterval } from './mean-interval.js';

export interface StreetLadderAnswer {
  current: number | null;
  desired: number | null;
  /** Per rung (index 0 = rung 1): does it apply now? Absent when the checklist was not asked or skipped. */
  appliesNow?: readonly boolean[];
}

export interface StreetLadderSummary {
  n: number;
  currentDistribution: number[];
  desiredDistribution: number[];
  medianCurrent?: number;
  medianDesired?: number;
  current?: MeanInterval;
  desired?: MeanInterval;
  gap?: MeanInterval;
  shareWantingHigher?: number;
  checklist?: { n: number; medianHighestApplying: number; shareNotCumulative: number };
}

/** The highest rung that applies, and whether every rung below it applies too. */
export function checklistPattern(appliesNow: readonly boolean[]): { highestApplying: number; cumulative: boolean } {
  const highestApplying = appliesNow.lastIndexOf(true) + 1;
  const cumulative = appliesNow.slice(0, highestApplying).every(Boolean);
  return { highestApplying, cumulative };
}

/** Whether the respondent placed the street on both rungs, now and wanted: who the straatladder's figures count. */
export function placedBoth(answer: StreetLadderAnswer): answer is StreetLadderAnswer & { current: number; desired: number } {
  return answer.current !== null && answer.desired !== null;
}

export function summariseStreetLadder(answers: readonly StreetLadderAnswer[], rungs: number): StreetLadderSummary {
  const currentDistribution = new Array<number>(rungs).fill(0);
  const desiredDistribution = new Array<number>(rungs).fill(0);
  const currents: number[] = [];
  const desireds: number[] = [];
  const gaps: number[] = [];
  const patterns: { highestApplying: number; cumulative: boolean }[] = [];
  for (const answer of answers) {
    if (answer.appliesNow && answer.appliesNow.length === rungs) patterns.push(checklistPattern(answer.appliesNow));
    if (!placedBoth(answer)) continue;
    currentDistribution[answer.current - 1]! += 1;
    currents.push(answer.current);
    desiredDistribution[answer.desired - 1]! += 1;
    desireds.push(answer.desired);
    gaps.push(answer.desired - answer.current);
  }
  return {
    n: gaps.length,
    currentDistribution,
    desiredDistribution,
    medianCurrent: currents.length > 0 ? median(currents) : undefined,
    medianDesired: desireds.length > 0 ? median(desireds) : undefined,
    current: meanWithInterval(currents),
    desired: meanWithInterval(desireds),
    gap: meanWithInterval(gaps),
    shareWantingHigher: gaps.length > 0 ? gaps.filter((gap) => gap > 0).length / gaps.length : undefined,
    checklist: patterns.length > 0 ? {
      n: patterns.length,
      medianHighestApplying: median(patterns.map((pattern) => pattern.highestApplying)),
      shareNotCumulative: patterns.filter((pattern) => !pattern.cumulative).length / patterns.length,
    } : undefined,
  };
}
