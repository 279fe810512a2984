/**
 * Mean with a 95 % confidence interval (betrouwbaarheidsinterval), the
 * uncertainty shown next to every reported mean.
 *
 * Method: Student's t interval, mean ± t(0.975, n − 1) · s / √n, with s the
 * sample standard deviation (n − 1 in the denominator). It is deterministic:
 * the same data always give the same interval (instruments.md, "Uncertainty").
 * The t quantile comes from a table for 1–30 degrees of freedom and from the
 * Cornish–Fisher expansion around the normal quantile above that, which agrees
 * with exact values to within 0.0001 there. Reference:
 * https://www.itl.nist.gov/div898/handbook/eda/section3/eda3672.htm
 *
 * One respondent gives a mean without an interval (its width is unknown).
 *
 * @example
 * meanWithInterval([0.25, 0.5, 0.75]) // → { n: 3, mean: 0.5, low: −0.121…, high: 1.121… }
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';

export interface MeanInterval {
  n: number;
  mean: number;
  /** Lower and upper bound of the 95 % interval; undefined for a single value. */
  low?: number;
  high?: number;
}

/**
 * The 97.5th percentile of the standard normal distribution. A constant, not
 * simple-statistics' `probit(0.975)`, whose approximation is off by 0.003.
 */
const normalQuantile975 = 1.959963984540054;

/** t(0.975, df) for df = 1..30. */
const tTable = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
  2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
  2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
];

/**
 * t(0.975, df) by degrees of freedom, 0 where not yet computed: the table's
 * thirty values, then Cornish–Fisher values as they are first asked for. A
 * city-scale analysis asks for the same few hundred again and again; a typed
 * array, grown when needed, keeps the look-up a plain index.
 */
let tQuantiles = new Float64Array(1024);
tQuantiles.set(tTable, 1);

/** The 97.5th percentile of Student's t distribution with `degreesOfFreedom` degrees of freedom. */
export function tQuantile975(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) throw new Error('tQuantile975 requires at least one degree of freedom');
  return quantilesUpTo(degreesOfFreedom)[degreesOfFreedom]!;
}

/** The quantile array, with the value for `degreesOfFreedom` filled in. */
function quantilesUpTo(degreesOfFreedom: number): Float64Array {
  if (degreesOfFreedom >= tQuantiles.length) {
    const grown = new Float64Array(Math.max(tQuantiles.length * 2, degreesOfFreedom + 1));
    grown.set(tQuantiles);
    tQuantiles = grown;
  }
  if (tQuantiles[degreesOfFreedom] === 0) tQuantiles[degreesOfFreedom] = cornishFisher(degreesOfFreedom);
  return tQuantiles;
}

function cornishFisher(degreesOfFreedom: number): number {
  const z = normalQuantile975;
  const v = degreesOfFreedom;
  return z + (z ** 3 + z) / (4 * v) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2)
    + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3);
}

/** Half the interval's width: t(0.975, n − 1) · s / √n; NaN for fewer than two values (no width known). */
export function halfWidthOf(n: number, standardDeviation: number): number {
  return n < 2 ? NaN : tQuantile975(n - 1) * standardDeviation / Math.sqrt(n);
}

/** The interval from a mean and the sample standard deviation of n values. */
export function intervalFromMoments(n: number, average: number, standardDeviation: number): MeanInterval | undefined {
  if (n === 0) return undefined;
  if (n === 1) return { n, mean: average };
  const halfWidth = halfWidthOf(n, standardDeviation);
  return { n, mean: average, low: average - halfWidth, high: average + halfWidth };
}

/**
 * Sample variance from n, Σx and Σx²: (Σx² − (Σx)²/n) / (n − 1), never below 0.
 * Used where figures are gathered in one pass; the values there are bounded
 * (answers 1..10, gaps in [−1, 1]), so no precision that matters is lost.
 */
export function sampleVarianceFromSums(n: number, sum: number, sumOfSquares: number): number {
  return n > 1 ? Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1)) : 0;
}

/**
 * The mean and its interval from n, Σx and Σx², written as three numbers
 * (mean, low, high) into `out` from `at` on; low and high NaN for a single
 * value. For the analysis, which makes some 300,000 sets of figures: nothing
 * is allocated, not even a number.
 */
export function writeIntervalFromSums(n: number, sum: number, sumOfSquares: number, out: Float64Array, at: number): void {
  const mean = sum / n;
  out[at] = mean;
  if (n < 2) {
    out[at + 1] = NaN;
    out[at + 2] = NaN;
    return;
  }
  // sampleVarianceFromSums and halfWidthOf written out: calling them costs a city-scale analysis some 70 ms.
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  const halfWidth = quantilesUpTo(n - 1)[n - 1]! * Math.sqrt(variance) / Math.sqrt(n);
  out[at + 1] = mean - halfWidth;
  out[at + 2] = mean + halfWidth;
}

export function meanWithInterval(values: readonly number[]): MeanInterval | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  return intervalFromMoments(n, mean(values as number[]), n > 1 ? sampleStandardDeviation(values as number[]) : 0);
}
