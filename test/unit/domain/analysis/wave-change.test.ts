import { describe, expect, it } from 'vitest';
import { meanWithInterval } from '../../../../src/domain/analysis/mean-interval';
import { compareStreetWaves, waveChange } from '../../../../src/domain/analysis/wave-change';

describe('waveChange (Welch interval of the difference of two means)', () => {
  // Independent values from numpy (python3, Debian):
  //   a, b = the two samples below; v = var(ddof=1)/n; d = b.mean() − a.mean() = −0.23
  //   ν = (v₁+v₂)²/(v₁²/7 + v₂²/9) = 12.157… → 12, t(0.975, 12) = 2.178813
  //   d ∓ 2.178813·√(v₁+v₂) = −0.341465…, −0.118535…
  const first = [0.1, 0.3, 0.2, 0.5, 0.4, 0.35, 0.25, 0.3];
  const second = [0.0, 0.1, -0.1, 0.2, 0.05, 0.15, 0.1, 0.0, 0.12, 0.08];

  it('matches an independent computation', () => {
    const change = waveChange(meanWithInterval(first)!, meanWithInterval(second)!);
    expect(change.change).toBeCloseTo(-0.23, 12);
    expect(change.low).toBeCloseTo(-0.34146544582947114, 9);
    expect(change.high).toBeCloseTo(-0.11853455417052895, 9);
    expect(change.clear).toBe(true);
  });

  it('is not clear when the interval contains zero', () => {
    const change = waveChange(meanWithInterval([0.1, 0.2, 0.3])!, meanWithInterval([0.15, 0.25, 0.2])!);
    expect(change.low! < 0 && change.high! > 0).toBe(true);
    expect(change.clear).toBe(false);
  });

  it('gives a change without an interval when a wave has one respondent', () => {
    expect(waveChange({ n: 1, mean: 0.2 }, meanWithInterval([0.1, 0.3])!)).toEqual({ previous: 0.2, current: 0.2, change: 0, clear: false });
  });

  it('swapping the waves mirrors the change', () => {
    const forward = waveChange(meanWithInterval(first)!, meanWithInterval(second)!);
    const backward = waveChange(meanWithInterval(second)!, meanWithInterval(first)!);
    expect(backward.change).toBeCloseTo(-forward.change, 12);
    expect(backward.low).toBeCloseTo(-forward.high!, 12);
  });
});

describe('compareStreetWaves', () => {
  const interval = (values: number[]) => meanWithInterval(values)!;
  it('matches streets by neighbourhood and name and compares only streets shown in both waves', () => {
    const previous = [
      { streetId: 1, name: 'Rozenstraat', neighbourhood: 'Bloemenbuurt', weightedGaps: new Map([['mutual-help', interval([0.3, 0.4, 0.35])]]), currentRung: interval([2, 3, 3]) },
      { streetId: 2, name: 'Tulpstraat', neighbourhood: 'Bloemenbuurt' },
    ];
    const current = [
      { streetId: 11, name: 'rozenstraat', neighbourhood: 'Bloemenbuurt', weightedGaps: new Map([['mutual-help', interval([0.1, 0.15, 0.1])], ['attachment', interval([0, 0.1])]]), currentRung: interval([4, 4, 5]) },
      { streetId: 12, name: 'Tulpstraat', neighbourhood: 'Bloemenbuurt', weightedGaps: new Map([['mutual-help', interval([0.1, 0.2])]]) },
      { streetId: 13, name: 'Lelieplein', neighbourhood: 'Bloemenbuurt', weightedGaps: new Map([['mutual-help', interval([0.1, 0.2])]]) },
    ];
    const changes = compareStreetWaves(previous, current);
    expect(changes.map((change) => change.streetId)).toEqual([11]);
    expect(changes[0]!.dimensions.map((dimension) => dimension.dimension)).toEqual(['mutual-help']);
    // Hand-computed: 0.11667 − 0.35 = −0.23333; current rung 4.333 − 2.667 = +1.667.
    expect(changes[0]!.dimensions[0]!.change.change).toBeCloseTo(-0.233333, 5);
    expect(changes[0]!.currentRung!.change).toBeCloseTo(1.666667, 5);
  });
});
