import { describe, expect, it } from 'vitest';
import { alphaFlag, cronbachAlpha } from '../../../../src/domain/analysis/cronbach-alpha';
import independent from '../../../fixtures/independent-values.json';

describe('cronbachAlpha', () => {
  it('matches the independent computation (numpy), leaving out the respondent with a missing item', () => {
    const rows = Object.freeze(independent.alpha.rows.map((row) => Object.freeze([...row])));
    const result = cronbachAlpha(rows);
    expect(result).toMatchObject({ kind: 'value', n: independent.alpha.n, items: 4 });
    expect(result.kind === 'value' && result.alpha).toBeCloseTo(independent.alpha.alpha, 10);
  });

  /*
   * By hand, rows [1,2], [2,3], [3,3]: item variances 1 and 1/3, sums 3, 5, 6 with variance 7/3,
   * α = 2/1 · (1 − (4/3)/(7/3)) = 2 · 3/7 = 0.857142…
   */
  it('computes the worked two-item example', () => {
    const result = cronbachAlpha([[1, 2], [2, 3], [3, 3]]);
    expect(result.kind === 'value' && result.alpha).toBeCloseTo(6 / 7, 12);
  });

  it('says why it cannot be computed instead of failing', () => {
    expect(cronbachAlpha([[1], [2]])).toMatchObject({ kind: 'not-computable', reason: 'too-few-items' });
    expect(cronbachAlpha([[1, 2], [null, 3]])).toMatchObject({ kind: 'not-computable', reason: 'too-few-respondents', n: 1 });
    expect(cronbachAlpha([[3, 3], [3, 3]])).toMatchObject({ kind: 'not-computable', reason: 'no-variance' });
    expect(cronbachAlpha([])).toMatchObject({ kind: 'not-computable', reason: 'too-few-items' });
  });
});

describe('alphaFlag', () => {
  const thresholds = { alphaFlagBelow: 0.6, alphaIndicativeBelow: 0.7 };
  it('flags below .60 and marks .60 to .70 as indicative', () => {
    expect([0.59, 0.6, 0.69, 0.7, 0.9].map((alpha) => alphaFlag(alpha, thresholds))).toEqual(['flagged', 'indicative', 'indicative', 'ok', 'ok']);
  });
});
