/**
 * Skip logic: whether a question was asked, given the answers before it. A
 * choice item with `askedWhen` is asked only when the item it names was
 * answered with one of the listed values; after any other answer, a "don't
 * know" or no answer, it is not asked. Then it is not required (answer-
 * document.ts), and an answer a device sent for it anyway (an older bundle) is
 * not counted (respondent-table.ts). The field app mirrors this rule
 * (public/field/interview.js, `isAsked`).
 */
import type { Item } from './instrument.js';

/** The answer an item's condition looks at: the "answer" rating of a choice item, null for "don't know", undefined when absent. */
export type ConditionAnswer = (itemId: string) => number | null | undefined;

export function isAsked(item: Item, answerTo: ConditionAnswer): boolean {
  if (item.kind !== 'choice' || !item.askedWhen) return true;
  const answer = answerTo(item.askedWhen.item);
  return typeof answer === 'number' && item.askedWhen.values.includes(answer);
}
