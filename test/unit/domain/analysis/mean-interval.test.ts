import { describe, expect, it } from 'vitest';
import { meanWithInterval, tQuantile975 } from '../../../../src/domain/analysis/mean-interval';
import independent from '../../../fixtures/independent-values.json';

describe('meanWithInterval', () => {
  it('matches the independent computation (numpy, test/fixtures/independent-values.py)', () => {
    const values = Object.freeze([...independent.interval.values]);
    const result = meanWithInterval(values)!;
    expect(result.n).toBe(12);
    expect(result.mean).toBeCloseTo(independent.interval.mean, 10);
    expect(result.low).toBeCloseTo(independent.interval.low, 6);
    expect(result.high).toBeCloseTo(independent.interval.high, 6);
  });

  it('computes the worked example: 0.25, 0.5, 0.75 → 0.5 ± 4.302653 · 0.25/√3', () => {
    const result = meanWithInterval([0.25, 0.5, 0.75])!;
    const halfWidth = 4.302653 * 0.25 / Math.sqrt(3);
    expect(result.mean).toBe(0.5);
    expect(result.low).toBeCloseTo(0.5 - halfWidth, 10);
    expect(result.high).toBeCloseTo(0.5 + halfWidth, 10);
  });

  it('gives a single value a mean without an interval, and no values nothing', () => {
    expect(meanWithInterval([0.4])).toEqual({ n: 1, mean: 0.4 });
    expect(meanWithInterval([])).toBeUndefined();
  });

  it('is deterministic and independent of order', () => {
    const values = [0.1, -0.3, 0.7, 0.2, 0.0];
    expect(meanWithInterval([...values].reverse())).toEqual(meanWithInterval(values));
  });
});

describe('tQuantile975', () => {
  it('matches the independently integrated quantiles, in the table and beyond it', () => {
    for (const [degrees, expected] of Object.entries(independent.tQuantiles)) {
      expect(tQuantile975(Number(degrees))).toBeCloseTo(expected, 4);
    }
  });
});
