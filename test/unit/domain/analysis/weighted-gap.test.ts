import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedGap, type GapSettings } from '../../../../src/domain/analysis/weighted-gap';

const positive: GapSettings = Object.freeze({ polarity: 1, scalePoints: 5, importancePoints: 5 });
const negative: GapSettings = Object.freeze({ polarity: -1, scalePoints: 5, importancePoints: 5 });

describe('weightedGap', () => {
  /*
   * Worked on paper, item "Als ik hulp nodig heb, kan ik bij mijn buren aankloppen" (p = +1, K = M = 5):
   *   respondent 1: A 2, D 4, B 5 → g = 2/4 = 0.5,  n = 0.5,  w = 4/4 = 1,   WG = 0.5
   *   respondent 2: A 3, D 4, B 3 → g = 1/4 = 0.25, n = 0.25, w = 2/4 = 0.5, WG = 0.125
   *   respondent 3: A 4, D 3, B 4 → g = −1/4,       n = −0.25, w = 3/4,     WG = −0.1875
   */
  it('computes the worked three-respondent example', () => {
    const answers = [{ actual: 2, desired: 4, importance: 5 }, { actual: 3, desired: 4, importance: 3 }, { actual: 4, desired: 3, importance: 4 }].map((answer) => Object.freeze(answer));
    expect(answers.map((answer) => weightedGap(answer, positive))).toEqual([
      { normalisedGap: 0.5, problemAlignedGap: 0.5, importanceWeight: 1, weightedGap: 0.5 },
      { normalisedGap: 0.25, problemAlignedGap: 0.25, importanceWeight: 0.5, weightedGap: 0.125 },
      { normalisedGap: -0.25, problemAlignedGap: -0.25, importanceWeight: 0.75, weightedGap: -0.1875 },
    ]);
  });

  it('a negative item where residents want less annoyance is a need', () => {
    const gap = weightedGap({ actual: 4, desired: 2, importance: 5 }, negative)!;
    expect(gap.normalisedGap).toBe(-0.5);
    expect(gap.problemAlignedGap).toBe(0.5);
    expect(gap.weightedGap).toBe(0.5);
  });

  it('low actual and equally low desired contact is no need', () => {
    expect(weightedGap({ actual: 1, desired: 1, importance: 5 }, positive)).toEqual({ normalisedGap: 0, problemAlignedGap: 0, importanceWeight: 1, weightedGap: 0 });
    expect(Object.is(weightedGap({ actual: 2, desired: 2, importance: 3 }, negative)!.weightedGap, 0)).toBe(true);
  });

  it('importance "not important at all" gives weight 0', () => {
    expect(weightedGap({ actual: 1, desired: 5, importance: 1 }, positive)).toMatchObject({ problemAlignedGap: 1, importanceWeight: 0, weightedGap: 0 });
  });

  it('"don\'t know" on any rating gives no gap', () => {
    expect(weightedGap({ actual: null, desired: 3, importance: 4 }, positive)).toBeUndefined();
    expect(weightedGap({ actual: 3, desired: null, importance: 4 }, positive)).toBeUndefined();
    expect(weightedGap({ actual: 3, desired: 4, importance: null }, positive)).toBeUndefined();
  });

  it('weighs every item 1 when the instrument asks no importance', () => {
    expect(weightedGap({ actual: 2, desired: 4 }, { polarity: 1, scalePoints: 5 })).toMatchObject({ importanceWeight: 1, weightedGap: 0.5 });
  });

  it('stays within [−1, 1] for every answer on every scale', () => {
    const scale = fc.integer({ min: 2, max: 10 });
    fc.assert(fc.property(scale, scale, fc.constantFrom<1 | -1>(1, -1), fc.nat(), fc.nat(), fc.nat(), (k, m, polarity, a, d, b) => {
      const gap = weightedGap({ actual: (a % k) + 1, desired: (d % k) + 1, importance: (b % m) + 1 }, { polarity, scalePoints: k, importancePoints: m })!;
      return [gap.normalisedGap, gap.problemAlignedGap, gap.weightedGap].every((value) => value >= -1 && value <= 1)
        && gap.importanceWeight >= 0 && gap.importanceWeight <= 1;
    }));
  });
});
