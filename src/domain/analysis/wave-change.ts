/**
 * Change between two waves (meting en vervolgmeting) of one unit, for example
 * a street's weighted gap on a dimension or its mean current rung on the
 * straatladder (instruments.md, "Waves").
 *
 * The two waves are independent samples of residents (a follow-up wave
 * interviews whoever answers the door), so the change is the difference of
 * two means with Welch's interval:
 *
 *   change = m₂ − m₁,  se = √(se₁² + se₂²),  interval = change ± t(0.975, ν) · se
 *   ν = (se₁² + se₂²)² / (se₁⁴ / (n₁ − 1) + se₂⁴ / (n₂ − 1))   (Welch–Satterthwaite)
 *
 * Each wave's standard error is recovered from its reported 95 % interval,
 * se = (high − mean) / t(0.975, n − 1), so the change uses exactly the figures
 * the reports print. ν is rounded down (a slightly wider, conservative
 * interval). Source: Welch (1947), Biometrika 34, 28–35.
 *
 * A change is "clear" when its interval excludes 0. Without an interval in
 * either wave (a single respondent) there is a change but no interval.
 *
 * @example
 * waveChange({ n: 20, mean: 0.30, low: 0.22, high: 0.38 }, { n: 25, mean: 0.10, low: 0.04, high: 0.16 })
 * // → { change: −0.2, low: −0.296…, high: −0.103…, clear: true }
 */
import { tQuantile975, type MeanInterval } from './mean-interval.js';

export interface WaveChange {
  previous: number;
  current: number;
  change: number;
  low?: number;
  high?: number;
  /** The interval excludes 0. */
  clear: boolean;
}

function standardError(figure: MeanInterval): number | undefined {
  if (figure.high === undefined || figure.n < 2) return undefined;
  return (figure.high - figure.mean) / tQuantile975(figure.n - 1);
}

export function waveChange(previous: MeanInterval, current: MeanInterval): WaveChange {
  const change = current.mean - previous.mean;
  const se1 = standardError(previous);
  const se2 = standardError(current);
  if (se1 === undefined || se2 === undefined) return { previous: previous.mean, current: current.mean, change, clear: false };
  const variance = se1 ** 2 + se2 ** 2;
  if (variance === 0) return { previous: previous.mean, current: current.mean, change, low: change, high: change, clear: change !== 0 };
  const degreesOfFreedom = variance ** 2 / (se1 ** 4 / (previous.n - 1) + se2 ** 4 / (current.n - 1));
  const halfWidth = tQuantile975(Math.max(1, Math.floor(degreesOfFreedom))) * Math.sqrt(variance);
  const low = change - halfWidth;
  const high = change + halfWidth;
  return { previous: previous.mean, current: current.mean, change, low, high, clear: low > 0 || high < 0 };
}

export interface StreetWaveChange {
  /** The street in the current wave. */
  streetId: number;
  name: string;
  neighbourhood: string;
  /** Change of the weighted gap per dimension (only dimensions with figures in both waves). */
  dimensions: { dimension: string; change: WaveChange }[];
  /** Change of the mean current rung on the straatladder, when both waves asked it and show it. */
  currentRung?: WaveChange;
}

interface WaveStreet {
  streetId: number;
  name: string;
  neighbourhood: string;
  /** Weighted gap per dimension, only when the street is shown on its own. */
  weightedGaps?: ReadonlyMap<string, MeanInterval>;
  currentRung?: MeanInterval;
}

/**
 * Streets of two waves, matched by neighbourhood and street name (a follow-up
 * study has its own address frame, so its street ids differ). Only streets
 * shown on their own in both waves are compared: a change never reveals a
 * figure that either wave hides.
 */
export function compareStreetWaves(previous: readonly WaveStreet[], current: readonly WaveStreet[]): StreetWaveChange[] {
  const key = (street: WaveStreet) => `${street.neighbourhood.toLocaleLowerCase('nl')}\u0000${street.name.toLocaleLowerCase('nl')}`;
  const before = new Map(previous.map((street) => [key(street), street]));
  return current.flatMap((street) => {
    const earlier = before.get(key(street));
    if (!earlier?.weightedGaps || !street.weightedGaps) return [];
    const dimensions = [...street.weightedGaps].flatMap(([dimension, now]) => {
      const then = earlier.weightedGaps!.get(dimension);
      return then ? [{ dimension, change: waveChange(then, now) }] : [];
    });
    const currentRung = earlier.currentRung && street.currentRung ? waveChange(earlier.currentRung, street.currentRung) : undefined;
    return [{ streetId: street.streetId, name: street.name, neighbourhood: street.neighbourhood, dimensions, ...(currentRung ? { currentRung } : {}) }];
  });
}
