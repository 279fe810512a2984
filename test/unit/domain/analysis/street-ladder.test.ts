import { describe, expect, it } from 'vitest';
import { checklistPattern, summariseStreetLadder } from '../../../../src/domain/analysis/street-ladder';

const ticks = (...rungs: number[]) => Object.freeze(Array.from({ length: 10 }, (_, index) => rungs.includes(index + 1)));

describe('summariseStreetLadder', () => {
  /*
   * By hand: current 3, 4, 4, 7 → median 4; desired 6, 4, 5, 7 → median 5.5;
   * gaps 3, 0, 1, 0 → mean 1, two of four want higher → 0.5.
   */
  it('computes distributions, medians, the gap in rungs and the share wanting higher', () => {
    const answers = Object.freeze([{ current: 3, desired: 6 }, { current: 4, desired: 4 }, { current: 4, desired: 5 }, { current: 7, desired: 7 }].map((answer) => Object.freeze(answer)));
    const summary = summariseStreetLadder(answers, 10);
    expect(summary.currentDistribution).toEqual([0, 0, 1, 2, 0, 0, 1, 0, 0, 0]);
    expect(summary.desiredDistribution).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0, 0]);
    expect([summary.medianCurrent, summary.medianDesired]).toEqual([4, 5.5]);
    expect(summary.gap!.mean).toBe(1);
    expect(summary.shareWantingHigher).toBe(0.5);
    expect(summary.checklist).toBeUndefined();
  });

  it('counts only who placed the street on both rungs: a "don\'t know" on either placed it nowhere', () => {
    // The review's sentence "29 bewoners plaatsten de straat op de ladder … Mediaan nu: trede –" counted those.
    const summary = summariseStreetLadder([{ current: null, desired: 8 }, { current: 2, desired: 4 }, { current: 5, desired: null }, { current: 3, desired: 3 }], 10);
    expect(summary.n).toBe(2);
    expect(summary.medianCurrent).toBe(2.5);
    expect(summary.medianDesired).toBe(3.5);
    expect(summary.currentDistribution.reduce((total, count) => total + count, 0)).toBe(2);
    expect(summary.gap).toMatchObject({ n: 2, mean: 1 });
    expect(summary.shareWantingHigher).toBe(0.5);
    // Nobody placed it on both: no rung figure at all.
    expect(summariseStreetLadder([{ current: null, desired: null }, { current: null, desired: 7 }], 10)).toMatchObject({ n: 0, medianCurrent: undefined, medianDesired: undefined });
  });

  it('finds the highest applying rung and the share of non-cumulative checklists', () => {
    const summary = summariseStreetLadder([
      { current: 3, desired: 5, appliesNow: ticks(1, 2, 3) },
      { current: 4, desired: 5, appliesNow: ticks(1, 2, 3, 4) },
      { current: 2, desired: 8, appliesNow: ticks(1, 2, 8) },
    ], 10);
    expect(summary.checklist).toEqual({ n: 3, medianHighestApplying: 4, shareNotCumulative: 1 / 3 });
  });
});

describe('checklistPattern', () => {
  it('calls a pattern cumulative only when every rung below the highest applies', () => {
    expect(checklistPattern(ticks(1, 2, 3))).toEqual({ highestApplying: 3, cumulative: true });
    expect(checklistPattern(ticks(2, 3))).toEqual({ highestApplying: 3, cumulative: false });
    expect(checklistPattern(ticks())).toEqual({ highestApplying: 0, cumulative: true });
  });
});
