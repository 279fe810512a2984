/**
 * Cronbach's alpha: the internal consistency of the items of one dimension,
 * computed separately for actual and for desired answers (instruments.md,
 * "Reliability"; domain-research.md §1.4).
 *
 *   α = k / (k − 1) · (1 − Σ var(item) / var(sum of items))
 *
 * with k items and sample variances (n − 1), over the respondents who answered
 * every item of the dimension (listwise deletion). Below .60 the dimension is
 * flagged; below .70 its figures are shown as indicative; both thresholds come
 * from the instrument file. Reference: Cronbach (1951), Psychometrika 16(3);
 * https://en.wikipedia.org/wiki/Cronbach%27s_alpha
 *
 * The variances come from running sums and sums of squares, so a study's alpha
 * is gathered in the same single pass as its other figures. Answers are
 * integers on scales of at most 10 points, so the sums are exact in double
 * precision for any realistic number of respondents.
 *
 * Alpha cannot be computed with fewer than two items, fewer than two complete
 * respondents, or when the sum has no variance: that is a result, not an error.
 *
 * @example
 * cronbachAlpha([[1, 2], [2, 3], [3, 3]]) // rows are respondents → { kind: 'value', alpha: 0.857…, n: 3 }
 */
import { sampleVarianceFromSums } from './mean-interval.js';

export type AlphaResult =
  | { kind: 'value'; alpha: number; n: number; items: number }
  | { kind: 'not-computable'; reason: 'too-few-items' | 'too-few-respondents' | 'no-variance'; n: number; items: number };

/** Gathers complete rows one at a time; `result()` gives alpha. */
export class AlphaAccumulator {
  private n = 0;
  private readonly itemSums: Float64Array;
  private readonly itemSumsOfSquares: Float64Array;
  private totalSum = 0;
  private totalSumOfSquares = 0;

  constructor(readonly items: number) {
    this.itemSums = new Float64Array(items);
    this.itemSumsOfSquares = new Float64Array(items);
  }

  /** Adds one respondent's answers; a row with any missing answer is left out. */
  add(row: ArrayLike<number | null>): void {
    let total = 0;
    for (let item = 0; item < this.items; item++) {
      const value = row[item];
      if (value === null || value === undefined || Number.isNaN(value)) return;
      total += value;
    }
    this.n += 1;
    for (let item = 0; item < this.items; item++) {
      const value = row[item] as number;
      this.itemSums[item]! += value;
      this.itemSumsOfSquares[item]! += value * value;
    }
    this.totalSum += total;
    this.totalSumOfSquares += total * total;
  }

  /** Adds another accumulator's rows (same items): a neighbourhood's alpha is gathered from its streets'. */
  merge(other: AlphaAccumulator): void {
    this.n += other.n;
    for (let item = 0; item < this.items; item++) {
      this.itemSums[item]! += other.itemSums[item]!;
      this.itemSumsOfSquares[item]! += other.itemSumsOfSquares[item]!;
    }
    this.totalSum += other.totalSum;
    this.totalSumOfSquares += other.totalSumOfSquares;
  }

  result(): AlphaResult {
    const { n, items } = this;
    if (items < 2) return { kind: 'not-computable', reason: 'too-few-items', n, items };
    if (n < 2) return { kind: 'not-computable', reason: 'too-few-respondents', n, items };
    const totalVariance = sampleVarianceFromSums(n, this.totalSum, this.totalSumOfSquares);
    if (totalVariance <= 0) return { kind: 'not-computable', reason: 'no-variance', n, items };
    let sumOfItemVariances = 0;
    for (let item = 0; item < items; item++) sumOfItemVariances += sampleVarianceFromSums(n, this.itemSums[item]!, this.itemSumsOfSquares[item]!);
    const alpha = (items / (items - 1)) * (1 - sumOfItemVariances / totalVariance);
    return { kind: 'value', alpha, n, items };
  }
}

/** Alpha of a table whose rows are respondents and whose columns are the items. */
export function cronbachAlpha(rows: readonly (readonly (number | null)[])[]): AlphaResult {
  const accumulator = new AlphaAccumulator(rows[0]?.length ?? 0);
  for (const row of rows) accumulator.add(row);
  return accumulator.result();
}

export type AlphaFlag = 'ok' | 'indicative' | 'flagged';

/** How a reliability figure is shown: flagged below the flag threshold, indicative below the other. */
export function alphaFlag(alpha: number, thresholds: { alphaFlagBelow: number; alphaIndicativeBelow: number }): AlphaFlag {
  if (alpha < thresholds.alphaFlagBelow) return 'flagged';
  if (alpha < thresholds.alphaIndicativeBelow) return 'indicative';
  return 'ok';
}
