import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../../src/domain/analysis/wilson-interval';
import independent from '../../../fixtures/independent-values.json';

describe('wilsonInterval', () => {
  it('matches the independent computation (the roots of the score equation by numpy, test/fixtures/independent-values.py)', () => {
    expect(independent.wilson.length).toBeGreaterThan(5);
    for (const { successes, n, low, high } of independent.wilson) {
      const interval = wilsonInterval(successes, n)!;
      expect(interval.low, `${successes} of ${n}`).toBeCloseTo(low, 9);
      expect(interval.high, `${successes} of ${n}`).toBeCloseTo(high, 9);
    }
  });

  it('gives the published Wilson intervals', () => {
    // Worked by hand: p = 0.8, z²/n = 0.38415, centre 0.99208 / 1.38415 = 0.71674, half 1.96 · 0.16001 / 1.38415 = 0.22658.
    const eight = wilsonInterval(8, 10)!;
    expect(eight.low).toBeCloseTo(0.4902, 4);
    expect(eight.high).toBeCloseTo(0.9433, 4);
    // Everyone or no one of ten: the interval does not shrink to a point (Agresti & Coull's table: 0 of 10 → 0 to 0.2775).
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(10, 10)!.high).toBeCloseTo(1, 12);
    // Half of 100: about 0.404 to 0.596.
    expect(wilsonInterval(50, 100)!.low).toBeCloseTo(0.4038, 4);
    expect(wilsonInterval(50, 100)!.high).toBeCloseTo(0.5962, 4);
  });

  it('has no interval without respondents or for an impossible count', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
    expect(wilsonInterval(11, 10)).toBeUndefined();
  });
});
