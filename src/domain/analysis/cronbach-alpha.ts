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
 * Alpha cannot be computed with fewer than two items, fewer than two complete
 * respondents, or when the sum has no variance: that is a result, not an error.
 *
 * @example
 * cronbachAlpha([[1, 2], [2, 3], [3, 3]]) // rows are respondents → { kind: 'value', alpha: 0.857…, n: 3 }
 */
import { sampleVariance } from 'simple-statistics';

export type AlphaResult =
  | { kind: 'value'; alpha: number; n: number; items: number }
  | { kind: 'not-computable'; reason: 'too-few-items' | 'too-few-respondents' | 'no-variance'; n: number; items: number };

export function cronbachAlpha(rows: readonly (readonly (number | null)[])[]): AlphaResult {
  const items = rows[0]?.length ?? 0;
  const complete = rows.filter((row) => row.every((value) => value !== null)) as number[][];
  const n = complete.length;
  if (items < 2) return { kind: 'not-computable', reason: 'too-few-items', n, items };
  if (n < 2) return { kind: 'not-computable', reason: 'too-few-respondents', n, items };

  const itemVariances = Array.from({ length: items }, (_, column) => sampleVariance(complete.map((row) => row[column]!)));
  const totalVariance = sampleVariance(complete.map((row) => row.reduce((total, value) => total + value, 0)));
  if (totalVariance === 0) return { kind: 'not-computable', reason: 'no-variance', n, items };

  const sumOfItemVariances = itemVariances.reduce((total, variance) => total + variance, 0);
  const alpha = (items / (items - 1)) * (1 - sumOfItemVariances / totalVariance);
  return { kind: 'value', alpha, n, items };
}

export type AlphaFlag = 'ok' | 'indicative' | 'flagged';

/** How a reliability figure is shown: flagged below the flag threshold, indicative below the other. */
export function alphaFlag(alpha: number, thresholds: { alphaFlagBelow: number; alphaIndicativeBelow: number }): AlphaFlag {
  if (alpha < thresholds.alphaFlagBelow) return 'flagged';
  if (alpha < thresholds.alphaIndicativeBelow) return 'indicative';
  return 'ok';
}
