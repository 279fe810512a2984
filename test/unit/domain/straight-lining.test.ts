/**
 * Straight-lining: one answer on (nearly) every rating of a block of
 * statements. Documents built by hand on the contactladder's two blocks of
 * rated statements (8 in "surface-contact", 19 in "statements").
 */
import { describe, expect, it } from 'vitest';
import type { AnswerDocument } from '../../../src/domain/answer-document';
import { straightLined } from '../../../src/domain/interview-quality';
import { contactladder } from '../../helpers/report-context';

const paired = contactladder.items.filter((item) => item.kind === 'paired');

/** Every rating of every statement `value`, except where `other` gives another answer for an item. */
function document(value: number | null, other: Record<string, { actual: number | null; desired: number | null; importance: number | null }> = {}): AnswerDocument {
  return Object.fromEntries(paired.map((item) => [item.id, other[item.id] ?? { actual: value, desired: value, importance: value }]));
}

describe('straight-lining', () => {
  it('flags a block where every rating is the same answer, and each block on its own', () => {
    expect(straightLined(document(4), contactladder)).toEqual(['statements', 'surface-contact']);
    // One statement of "statements" answered otherwise: 54 of 57 ratings still 4 (95%), so still flagged; the other block too.
    const first = paired.find((item) => item.block === 'statements')!.id;
    expect(straightLined(document(4, { [first]: { actual: 1, desired: 2, importance: 5 } }), contactladder)).toEqual(['statements', 'surface-contact']);
  });

  it('does not flag a block whose answers vary, or one with too few given ratings ("weet niet" is no rating)', () => {
    // In "surface-contact", 8 statements × 3 ratings = 24; with three statements answered otherwise, 15 of 24 (63%) are alike.
    const surface = paired.filter((item) => item.block === 'surface-contact').slice(0, 3).map((item) => item.id);
    const varied = Object.fromEntries(surface.map((id) => [id, { actual: 2, desired: 5, importance: 1 }]));
    expect(straightLined(document(3, varied), contactladder)).toEqual(['statements']);
    // All "weet niet" except 3 statements of one block (9 ratings, under the 12 needed): nothing to judge.
    const few = Object.fromEntries(surface.map((id) => [id, { actual: 3, desired: 3, importance: 3 }]));
    expect(straightLined(document(null, few), contactladder)).toEqual([]);
  });
});
