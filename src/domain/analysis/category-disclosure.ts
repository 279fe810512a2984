/**
 * Disclosure control for the answers to one background question in one unit
 * (the neighbourhood profile: "how many carers, how many 75-plussers"),
 * instruments.md, "Disclosure control"; domain-research.md §5.
 *
 * A report prints how many respondents answered the question and, per answer,
 * a whole percentage. Up to a few hundred answers a whole percentage gives the
 * count itself, so every printed percentage is treated as an exact count. A
 * count of 1–4 is printed as "< 5" (primary suppression). That alone is not
 * enough: the answers minus the other categories give the hidden count back
 * ((57 answers) − 47 − 8 = 2 carers of someone with dementia). So:
 *
 * 1. A question answered by fewer respondents than the study's minimum is not
 *    shown at all.
 * 2. Secondary suppression: while some "< 5" count can be worked out from
 *    what is printed, the smallest printed count of five or more is hidden
 *    too and marked as protected ("afgeschermd").
 * 3. If no printed count is left to hide, the question is not shown.
 *
 * "Can be worked out" is judged as a reader who knows this rule would: a
 * "< 5" cell lies in 1–4; a protected cell lies between five and the smallest
 * count still printed (it was hidden because it was the smallest); all hidden
 * cells together make up the answers minus the printed counts. A "< 5" cell
 * is safe when these bounds leave it at least two possible values.
 */
import { smallCountBelow as categoryCountBelow } from './disclosure-control.js';

export type CategoryCell =
  | { kind: 'count'; n: number }
  | { kind: 'fewer-than'; limit: number }
  | { kind: 'protected' };

export type DisclosedCategories =
  | { kind: 'shown'; answered: number; cells: CategoryCell[] }
  | { kind: 'suppressed'; reason: 'below-minimum' | 'complementary' };

type State = 'shown' | 'fewer-than' | 'protected';

export function discloseCategories(counts: readonly number[], minReportSize: number): DisclosedCategories {
  const answered = counts.reduce((total, count) => total + count, 0);
  if (answered === 0 || answered < minReportSize) return { kind: 'suppressed', reason: 'below-minimum' };
  const states: State[] = counts.map((count) => (count > 0 && count < categoryCountBelow ? 'fewer-than' : 'shown'));
  while (!smallCountsSafe(counts, states, answered)) {
    let smallest = -1;
    counts.forEach((count, index) => {
      if (states[index] === 'shown' && count >= categoryCountBelow && (smallest < 0 || count < counts[smallest]!)) smallest = index;
    });
    if (smallest < 0) return { kind: 'suppressed', reason: 'complementary' };
    states[smallest] = 'protected';
  }
  return {
    kind: 'shown', answered,
    cells: counts.map((count, index): CategoryCell => (
      states[index] === 'shown' ? { kind: 'count', n: count }
        : states[index] === 'fewer-than' ? { kind: 'fewer-than', limit: categoryCountBelow }
          : { kind: 'protected' })),
  };
}

/** Whether every "< 5" cell keeps at least two possible values for a reader who sees the printed cells and knows this rule. */
function smallCountsSafe(counts: readonly number[], states: readonly State[], answered: number): boolean {
  let hiddenTotal = answered;
  let smallestShown = answered;
  for (let index = 0; index < counts.length; index++) {
    if (states[index] !== 'shown') continue;
    hiddenTotal -= counts[index]!;
    if (counts[index]! >= categoryCountBelow) smallestShown = Math.min(smallestShown, counts[index]!);
  }
  const bounds = states.flatMap((state): [number, number][] => (
    state === 'fewer-than' ? [[1, categoryCountBelow - 1]]
      : state === 'protected' ? [[categoryCountBelow, smallestShown]] : []));
  const lowSum = bounds.reduce((total, [low]) => total + low, 0);
  const highSum = bounds.reduce((total, [, high]) => total + high, 0);
  let position = 0;
  for (const state of states) {
    if (state === 'shown') continue;
    const [low, high] = bounds[position++]!;
    if (state !== 'fewer-than') continue;
    const least = Math.max(low, hiddenTotal - (highSum - high));
    const most = Math.min(high, hiddenTotal - (lowSum - low));
    if (most - least < 1) return false;
  }
  return true;
}
