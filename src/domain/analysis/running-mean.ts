/**
 * Running mean and variance (Welford's online algorithm), so that every unit's
 * figures are gathered in one pass over the respondents, without holding their
 * values: the analysis of a city-scale study stays linear in respondents.
 *
 *   after each value x:  n ← n + 1;  δ = x − mean;  mean ← mean + δ / n;  M2 ← M2 + δ · (x − mean)
 *   sample variance = M2 / (n − 1)
 *
 * Reference: Welford (1962), Technometrics 4(3); Knuth, TAOCP vol. 2, §4.2.2.
 *
 * @example
 * const running = new RunningMean(); [1, 2, 4].forEach((x) => running.add(x)); running.toInterval() // mean 2.333…
 */
import { intervalFromMoments, type MeanInterval } from './mean-interval';

export class RunningMean {
  n = 0;
  mean = 0;
  private sumOfSquaredDeviations = 0;

  add(value: number): void {
    this.n += 1;
    const delta = value - this.mean;
    this.mean += delta / this.n;
    this.sumOfSquaredDeviations += delta * (value - this.mean);
  }

  get sampleStandardDeviation(): number {
    return this.n > 1 ? Math.sqrt(this.sumOfSquaredDeviations / (this.n - 1)) : 0;
  }

  toInterval(): MeanInterval | undefined {
    return intervalFromMoments(this.n, this.mean, this.sampleStandardDeviation);
  }
}
