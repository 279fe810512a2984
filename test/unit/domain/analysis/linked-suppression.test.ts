import { describe, expect, it } from 'vitest';
import { protectLinkedCells, type LinkedNode } from '../../../../src/domain/analysis/linked-suppression';

const cell = (n: number, shown = n >= 10): LinkedNode => ({ n, cell: true, visibility: shown ? 'shown' : 'below-minimum' });
const total = (n: number): LinkedNode => ({ n, cell: false, visibility: 'shown' });

describe('protectLinkedCells', () => {
  it('hides a second cell in a column when one hidden cell could be recovered from the study figure', () => {
    // Category 1 in the study: 35 = street A 20 + street B 12 + street C 3. Rows are not published (hidden totals).
    const nodes = new Map<string, LinkedNode>([
      ['A|1', cell(20)], ['B|1', cell(12)], ['C|1', cell(3)], ['category|1', total(35)],
    ]);
    protectLinkedCells(nodes, [{ total: 'category|1', parts: ['A|1', 'B|1', 'C|1'] }]);
    expect([...nodes].filter(([, node]) => node.cell).map(([id, node]) => [id, node.visibility])).toEqual([
      ['A|1', 'shown'], ['B|1', 'complementary'], ['C|1', 'below-minimum'],
    ]);
  });

  it('follows a hidden cell through rows and columns', () => {
    // Rows (streets) and columns (categories) both published; cell A|2 is under the minimum.
    //        1    2   | total
    //   A   30    4   | 34
    //   B   25   15   | 40
    //   tot 55   19
    const nodes = new Map<string, LinkedNode>([
      ['A|1', cell(30)], ['A|2', cell(4)], ['B|1', cell(25)], ['B|2', cell(15)],
      ['A', total(34)], ['B', total(40)], ['c1', total(55)], ['c2', total(19)],
    ]);
    protectLinkedCells(nodes, [
      { total: 'A', parts: ['A|1', 'A|2'] }, { total: 'B', parts: ['B|1', 'B|2'] },
      { total: 'c1', parts: ['A|1', 'B|1'] }, { total: 'c2', parts: ['A|2', 'B|2'] },
    ]);
    // Every row and column now has two hidden cells or none: nothing can be subtracted out.
    expect(Object.fromEntries([...nodes].filter(([, node]) => node.cell).map(([id, node]) => [id, node.visibility !== 'shown']))).toEqual({
      'A|1': true, 'A|2': true, 'B|1': true, 'B|2': true,
    });
  });

  it('leaves a table alone when nothing can be recovered', () => {
    const nodes = new Map<string, LinkedNode>([['A|1', cell(12)], ['A|2', cell(11)], ['A', total(23)]]);
    protectLinkedCells(nodes, [{ total: 'A', parts: ['A|1', 'A|2'] }]);
    expect([...nodes.values()].every((node) => node.visibility === 'shown')).toBe(true);
  });
});
