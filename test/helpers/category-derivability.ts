/**
 * The derivability checker for background-question counts, written apart from
 * the code it checks (src/domain/analysis/category-disclosure.ts).
 */
import type { CategoryCell } from '../../src/domain/analysis/category-disclosure';

/**
 * Independent check by enumeration: every filling of the hidden cells a reader
 * could believe (a "< 5" cell holds 1–4; a protected cell at least 5 and at most
 * the smallest printed count of five or more; together they make up the answers
 * minus the printed counts), and per "< 5" cell the values it takes across them.
 * Returns the positions of "< 5" cells with only one possible value.
 */
export function workedOut(answered: number, cells: readonly CategoryCell[]): number[] {
  const printed = cells.flatMap((cell) => (cell.kind === 'count' ? [cell.n] : []));
  const ceiling = Math.min(answered, ...printed.filter((n) => n >= 5));
  const hidden = cells.flatMap((cell, index) => (cell.kind === 'fewer-than' ? [{ index, low: 1, high: 4 }]
    : cell.kind === 'protected' ? [{ index, low: 5, high: ceiling }] : []));
  const remainder = answered - printed.reduce((total, n) => total + n, 0);
  const seen = new Map<number, Set<number>>(hidden.map((cell) => [cell.index, new Set()]));
  const values: number[] = [];
  const fill = (position: number, left: number) => {
    if (position === hidden.length) {
      if (left === 0) hidden.forEach((cell, at) => seen.get(cell.index)!.add(values[at]!));
      return;
    }
    for (let value = hidden[position]!.low; value <= Math.min(hidden[position]!.high, left); value++) {
      values[position] = value;
      fill(position + 1, left - value);
    }
  };
  fill(0, remainder);
  return hidden.filter((cell) => cells[cell.index]!.kind === 'fewer-than' && seen.get(cell.index)!.size < 2).map((cell) => cell.index);
}
