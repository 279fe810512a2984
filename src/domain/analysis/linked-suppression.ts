/**
 * Complementary suppression for a table whose cells add up in two directions:
 * streets × categories of a group variable (instruments.md, "Disclosure
 * control"). A row adds up to a street's total, a column to the study's figure
 * for that category; both totals may be published. A hidden cell must not be
 * recoverable by subtraction along either.
 *
 * Each constraint says "total = sum of parts". A value is known when it is
 * shown, zero, or derivable: the total of a constraint whose parts are all
 * known, or the one unknown part of a constraint whose total and other parts
 * are known. Whenever a hidden cell (or a hidden total) would become
 * derivable, the smallest shown cell of that constraint is hidden as well; this
 * repeats until nothing is derivable that is not shown. (A leak with no shown
 * cell left to hide is one where the hidden value equals a shown one, such as
 * a "no answer" part that is the whole total.) A "no answer" cell not under the
 * minimum may be worked out: it reveals nothing small, so it needs no cover.
 *
 * This is the single-equation rule. Combining several rows and columns could
 * in principle pin down a hidden cell that joins two otherwise separate groups
 * of hidden cells; with a "no answer" cell hidden in every row and streets'
 * cells mostly under the minimum, such patterns are rare, and the report shows
 * street × group figures only for large cells. Only cells are hidden:
 * the totals were decided before, on their own tree (disclosure-control.ts).
 *
 * @example
 * // row total 30 shown, cells 12 (shown), 11 (shown), 7 (below minimum): hiding 11 as well keeps the 7 unknown
 */
import type { Visibility } from './disclosure-control.js';

export interface LinkedNode {
  n: number;
  visibility: Visibility;
  /** Cells may be hidden to protect others; totals are fixed. */
  cell: boolean;
  /** A cell never shown but not under the minimum (no answer): working it out by subtraction discloses nothing small. */
  mayBeWorkedOut?: boolean;
}

/** "total = sum of parts", by node id (strings in tests, numbers in the analysis). */
export interface LinkedConstraint<K = string> {
  total: K;
  parts: readonly K[];
}

export function protectLinkedCells<K extends string | number>(nodes: Map<K, LinkedNode>, constraints: readonly LinkedConstraint<K>[]): void {
  const isKnown = (id: K) => { const node = nodes.get(id)!; return node.n === 0 || node.visibility === 'shown'; };
  const unknownParts = constraints.map((constraint) => constraint.parts.reduce((count, id) => count + (isKnown(id) ? 0 : 1), 0));
  const constraintsOf = new Map<K, number[]>();
  constraints.forEach((constraint, index) => {
    for (const id of constraint.parts) {
      const list = constraintsOf.get(id);
      if (list) list.push(index);
      else constraintsOf.set(id, [index]);
    }
  });
  // A leak needs one step from the known values (every derivation starts with one), so checking single steps suffices.
  const leaks = (index: number) => {
    const constraint = constraints[index]!;
    if (!isKnown(constraint.total)) return unknownParts[index] === 0;
    if (unknownParts[index] !== 1) return false;
    const unknown = constraint.parts.find((id) => !isKnown(id))!;
    return nodes.get(unknown)!.mayBeWorkedOut !== true;
  };
  const smallestShownCell = (ids: readonly K[]) => {
    let smallest: K | undefined;
    for (const id of ids) {
      const node = nodes.get(id)!;
      if (!node.cell || node.n === 0 || node.visibility !== 'shown') continue;
      const best = smallest === undefined ? undefined : nodes.get(smallest)!;
      if (!best || node.n < best.n || (node.n === best.n && id < smallest!)) smallest = id;
    }
    return smallest;
  };

  const pending = constraints.map((_, index) => index);
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (!leaks(index)) continue;
    const hide = smallestShownCell(constraints[index]!.parts);
    if (hide === undefined) continue;
    nodes.get(hide)!.visibility = 'complementary';
    for (const affected of constraintsOf.get(hide) ?? []) {
      unknownParts[affected]! += 1;
      pending.push(affected);
    }
  }
}
