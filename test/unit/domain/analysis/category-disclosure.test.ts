import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseCategories } from '../../../../src/domain/analysis/category-disclosure';
import { workedOut } from '../../../helpers/category-derivability';

describe('discloseCategories (background-question counts)', () => {
  it('hides a second count where answers minus the others give a "< 5" count back', () => {
    // The neighbourhood in the review: 57 carers answered; 47 and 8 printed, so the third category was 57 − 47 − 8 = 2.
    const disclosed = discloseCategories([47, 8, 2], 10);
    expect(disclosed).toEqual({
      kind: 'shown', answered: 57,
      cells: [{ kind: 'count', n: 47 }, { kind: 'protected' }, { kind: 'fewer-than', limit: 5 }],
    });
    if (disclosed.kind === 'shown') expect(workedOut(57, disclosed.cells)).toEqual([]);
  });

  it('prints every count when nothing small is hidden, and zero as a count', () => {
    expect(discloseCategories([20, 0, 7], 10)).toEqual({
      kind: 'shown', answered: 27, cells: [{ kind: 'count', n: 20 }, { kind: 'count', n: 0 }, { kind: 'count', n: 7 }],
    });
  });

  it('needs no second count when the small ones cover each other', () => {
    // 3 + 4 = 7 hidden: either could be 3 or 4 (or 4 and 3), so neither is known.
    expect(discloseCategories([30, 3, 4], 10)).toMatchObject({ cells: [{ kind: 'count', n: 30 }, { kind: 'fewer-than' }, { kind: 'fewer-than' }] });
    // 1 + 1 = 2 hidden: both must be 1, so a printed count is hidden as well.
    expect(discloseCategories([30, 1, 1], 10)).toMatchObject({ cells: [{ kind: 'protected' }, { kind: 'fewer-than' }, { kind: 'fewer-than' }] });
  });

  it('hides two counts when the smallest printed one would pin the protected one down', () => {
    // Hiding one 5 while another 5 stays printed tells a reader the protected cell is exactly 5, and so the small one is 2.
    const disclosed = discloseCategories([2, 5, 5, 45], 10);
    expect(disclosed).toMatchObject({ cells: [{ kind: 'fewer-than' }, { kind: 'protected' }, { kind: 'protected' }, { kind: 'count', n: 45 }] });
  });

  it('does not show a question answered by fewer than the minimum, nor one it cannot protect', () => {
    expect(discloseCategories([6, 2], 10)).toEqual({ kind: 'suppressed', reason: 'below-minimum' });
    expect(discloseCategories([0, 0], 10)).toEqual({ kind: 'suppressed', reason: 'below-minimum' });
    // 12 answers in three "< 5" cells: each must be 4, and there is no printed count left to hide.
    expect(discloseCategories([4, 4, 4], 10)).toEqual({ kind: 'suppressed', reason: 'complementary' });
    // 12 answers, a 2 and the 10 beside it hidden: the 2 could be anything from 1 to 4.
    expect(discloseCategories([10, 2, 0], 10)).toMatchObject({ cells: [{ kind: 'protected' }, { kind: 'fewer-than' }, { kind: 'count', n: 0 }] });
  });

  it('never leaves a "< 5" count that a reader can work out, and prints every count it shows exactly', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), { minLength: 2, maxLength: 6 }),
      fc.integer({ min: 5, max: 15 }),
      (counts, minimum) => {
        const disclosed = discloseCategories(counts, minimum);
        const answered = counts.reduce((total, n) => total + n, 0);
        if (disclosed.kind === 'suppressed') return;
        expect(answered).toBeGreaterThanOrEqual(minimum);
        expect(disclosed.answered).toBe(answered);
        disclosed.cells.forEach((cell, index) => {
          if (cell.kind === 'count') expect(cell.n).toBe(counts[index]);
          if (cell.kind === 'fewer-than') expect(counts[index]).toBeGreaterThan(0);
          if (cell.kind === 'fewer-than') expect(counts[index]).toBeLessThan(5);
          if (cell.kind === 'protected') expect(counts[index]).toBeGreaterThanOrEqual(5);
        });
        expect(workedOut(answered, disclosed.cells)).toEqual([]);
      },
    ), { numRuns: 3000 });
  });
});
