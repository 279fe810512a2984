/**
 * Complementary suppression per figure: a theme or statement left out of one
 * unit must not follow from its neighbourhood's figure and the other units'.
 * Hand-worked cases, and a property test against an independent check: the
 * unknown sums as variables of the linear equations a reader has (each total
 * is the sum of its parts), solved by Gaussian elimination; no single unit's
 * sum may be determined, and no determined combination may rest on fewer
 * than the minimum respondents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withheldFigures, type FigureNode, type FigureTree } from '../../../../src/domain/analysis/figure-suppression';

const node = (key: string, n: number, shown = true): FigureNode => ({ key, shown, answered: [n] });
const tree = (study: FigureNode, neighbourhoods: [FigureNode, FigureNode[]][]): FigureTree => ({
  ids: ['f'], study, neighbourhoods: neighbourhoods.map(([total, units]) => ({ node: total, units })),
});
const keys = (withheld: Map<string, Set<string>>) => [...withheld.keys()].sort();

describe('complementary suppression per figure', () => {
  it('withholds the smallest printed unit beside the one left out, as worked out by hand', () => {
    // Neighbourhood on 40: A 22, B 12, C 6 (under 10, left out). 40 − 22 − 12 gives C: withhold B as well (B + C = 18).
    const example = tree(node('study', 40), [[node('N', 40), [node('A', 22), node('B', 12), node('C', 6)]]]);
    expect(keys(withheldFigures(example, 10))).toEqual(['B']);
  });

  it('leaves a neighbourhood alone whose units all print the figure, or whose unknown units are two with the minimum', () => {
    expect(keys(withheldFigures(tree(node('study', 40), [[node('N', 40), [node('A', 22), node('B', 18)]]]), 10))).toEqual([]);
    expect(keys(withheldFigures(tree(node('study', 60), [[node('N', 60), [node('A', 40), node('B', 8, false), node('C', 12, false)]]]), 10))).toEqual([]);
  });

  it('withholds the neighbourhood\'s figure when no unit is left to withhold, and then the study\'s', () => {
    // N's one unit is hidden: N's figure would be A's. With N gone, the study minus M would give it again.
    const example = tree(node('study', 100), [[node('N', 15), [node('A', 15, false)]], [node('M', 85), [node('C', 85)]]]);
    expect(keys(withheldFigures(example, 10))).toEqual(['N', 'study']);
    // A printed unit beside the hidden one is withheld instead: the two together rest on 27.
    const beside = tree(node('study', 112), [[node('N', 27), [node('A', 12), node('B', 15, false)]], [node('M', 85), [node('C', 85)]]]);
    expect(keys(withheldFigures(beside, 10))).toEqual(['A']);
  });

  it('covers at the study what a neighbourhood under the minimum leaves open', () => {
    // N's figure rests on 8: study − M would give it. N has no printed unit to withhold and M covers no unknown unit
    // of its own (withholding M would only hide what B and C print), so the study's figure goes.
    const example = tree(node('study', 50), [[node('N', 8), [node('A', 8)]], [node('M', 42), [node('B', 30), node('C', 12)]]]);
    expect(keys(withheldFigures(example, 10))).toEqual(['study']);
    // With a second small neighbourhood the two together rest on 17: nothing more is needed.
    const two = tree(node('study', 59), [[node('N', 8), [node('A', 8)]], [node('P', 9), [node('D', 9)]], [node('M', 42), [node('B', 30), node('C', 12)]]]);
    expect(keys(withheldFigures(two, 10))).toEqual([]);
  });

  it('leaves nothing a reader can solve for, over random neighbourhoods (independent linear check)', () => {
    const unitArb = fc.record({ n: fc.integer({ min: 0, max: 30 }), shown: fc.boolean() });
    const neighbourhoodArb = fc.array(unitArb, { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.array(neighbourhoodArb, { minLength: 1, maxLength: 4 }), (shape) => {
      const neighbourhoods = shape.map((units, i) => {
        const nodes = units.map((unit, j) => node(`u${i}.${j}`, unit.n, unit.shown));
        const n = nodes.reduce((sum, unit) => sum + (unit.answered[0] ?? 0), 0);
        return [node(`n${i}`, n), nodes] as [FigureNode, FigureNode[]];
      });
      const total = neighbourhoods.reduce((sum, [neighbourhood]) => sum + (neighbourhood.answered[0] ?? 0), 0);
      const example = tree(node('study', total), neighbourhoods);
      expect(readerSolves(example, withheldFigures(example, 10), 10)).toEqual([]);
    }), { numRuns: 3000 });
  });
});

/**
 * What a reader can solve for: every node with respondents whose figure is not printed is a variable (its sum);
 * each printed total gives "total = Σ parts". Returns the determined combinations that rest on fewer than the
 * minimum respondents or on one unit alone.
 */
function readerSolves(example: FigureTree, withheld: Map<string, Set<string>>, minimum: number): string[] {
  const n = (item: FigureNode) => item.answered[0] ?? 0;
  const printed = (item: FigureNode) => item.shown && n(item) >= minimum && !withheld.get(item.key)?.has('f');
  const all = [example.study, ...example.neighbourhoods.flatMap(({ node: total, units }) => [total, ...units])];
  const variables = all.filter((item) => n(item) > 0 && !printed(item));
  const index = new Map(variables.map((item, i) => [item.key, i]));
  // Each equation: coefficients over the variables (printed values are constants, dropped).
  const equations: number[][] = [];
  const equation = (total: FigureNode, parts: FigureNode[]) => {
    const row = Array<number>(variables.length).fill(0);
    if (index.has(total.key)) row[index.get(total.key)!] = 1;
    for (const part of parts) if (index.has(part.key)) row[index.get(part.key)!] = -1;
    if (row.some((value) => value !== 0)) equations.push(row);
  };
  equation(example.study, example.neighbourhoods.map(({ node: total }) => total));
  for (const { node: total, units } of example.neighbourhoods) equation(total, units);
  // Row-reduce; a reduced row is a combination the reader knows. Report those on one variable, or on fewer than the minimum.
  const rows = equations.map((row) => [...row]);
  let pivotRow = 0;
  for (let column = 0; column < variables.length && pivotRow < rows.length; column++) {
    const pivot = rows.findIndex((row, r) => r >= pivotRow && Math.abs(row[column]!) > 1e-9);
    if (pivot < 0) continue;
    [rows[pivotRow], rows[pivot]] = [rows[pivot]!, rows[pivotRow]!];
    const lead = rows[pivotRow]![column]!;
    rows[pivotRow] = rows[pivotRow]!.map((value) => value / lead);
    rows.forEach((row, r) => {
      if (r === pivotRow || Math.abs(row[column]!) < 1e-9) return;
      const factor = row[column]!;
      rows[r] = row.map((value, c) => value - factor * rows[pivotRow]![c]!);
    });
    pivotRow++;
  }
  return rows.flatMap((row) => {
    const involved = row.flatMap((value, i) => (Math.abs(value) > 1e-9 ? [{ item: variables[i]!, value }] : []));
    if (involved.length === 0) return [];
    // One unit, neighbourhood or study on its own; or plainly the sum of a few units (equal coefficients), on fewer than the minimum.
    const units = involved.every(({ item, value }) => item.key.startsWith('u') && Math.abs(value - involved[0]!.value) < 1e-9);
    const people = involved.reduce((sum, { item }) => sum + n(item), 0);
    return involved.length === 1 || (units && people < minimum) ? [involved.map(({ item }) => item.key).join('+')] : [];
  });
}
