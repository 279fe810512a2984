/**
 * Complementary suppression per figure (instruments.md, "Disclosure
 * control"). Every theme and statement figure obeys the minimum on its own n
 * (UnitAccumulator.toFigures), but a figure left out of one street unit can be
 * worked back from its neighbourhood's figure and the figures of the
 * neighbourhood's other units: the neighbourhood's sum over its n respondents
 * minus the other units' sums gives the left-out unit's sum, so its mean.
 *
 * Per figure f, a figure is *known* to a reader where it is printed: its unit
 * is shown, it rests on at least the minimum, and it is not withheld here.
 * For a total (a neighbourhood, or the study) whose f is known, the parts
 * whose f is not known but has respondents form the unknown set U. The reader
 * can work out U's mean as a whole, so U must be empty, or hold at least two
 * parts and at least `minimum` respondents together:
 *
 *   U = ∅  or  (|U| ≥ 2  and  Σ_{u ∈ U} n_f(u) ≥ minimum)
 *
 * Until it holds, the known part with the smallest n_f is withheld too (added
 * to U); with no known part left, the total's own f is withheld. The same rule
 * then holds at the study, over all units whose f is unknown and that lie in
 * a neighbourhood whose f is unknown as well (a neighbourhood whose f is
 * printed covers its own parts, checked in the first step). What a reader can
 * work out is then always a mean over at least `minimum` respondents of two
 * or more units, which is what a combined unit of small streets shows anyway.
 *
 * Respondents of a street the study does not list count for their
 * neighbourhood but for no unit; they are too few to matter here and are
 * ignored (as decideVisibility does). Street × group cells are not covered:
 * they are dimensions only and shown only when large (street-groups.ts).
 *
 * @example
 * // neighbourhood f on 40 (shown); units: A 22 (shown), B 12 (shown), C 6 (below the minimum of 10)
 * // U = {C}: one part, 6 respondents → withhold B (the smallest known part); U = {B, C}, 18 ≥ 10: done
 */

export interface FigureNode {
  key: string;
  /** Whether the unit itself is shown (disclosure-control.ts). */
  shown: boolean;
  /** Respondents per figure, in the order of `FigureTree.ids`. */
  answered: ArrayLike<number>;
}

export interface FigureTree {
  /** The figures' ids: statements and themes. */
  ids: readonly string[];
  study: FigureNode;
  neighbourhoods: { node: FigureNode; units: FigureNode[] }[];
}

/** The figures to withhold besides those under the minimum, by node key; a key without any is left out. */
export function withheldFigures(tree: FigureTree, minimum: number): Map<string, Set<string>> {
  const withheld = new Map<string, Set<string>>();
  const withhold = (node: FigureNode, id: string) => {
    const set = withheld.get(node.key);
    if (set) set.add(id);
    else withheld.set(node.key, new Set([id]));
  };
  tree.ids.forEach((id, f) => {
    const n = (node: FigureNode) => node.answered[f] ?? 0;
    const known = (node: FigureNode) => node.shown && n(node) >= minimum && !withheld.get(node.key)?.has(id);
    /** Withholds known parts, smallest first, until the unknown parts are safe; else the total itself. */
    const cover = (total: FigureNode, parts: readonly FigureNode[]) => {
      if (!known(total)) return;
      const unknown = parts.filter((part) => n(part) > 0 && !known(part));
      let sum = unknown.reduce((count, part) => count + n(part), 0);
      while (unknown.length > 0 && (unknown.length < 2 || sum < minimum)) {
        const smallest = parts.filter((part) => n(part) > 0 && known(part)).sort((a, b) => n(a) - n(b))[0];
        if (!smallest) { withhold(total, id); return; }
        withhold(smallest, id);
        unknown.push(smallest);
        sum += n(smallest);
      }
    };
    for (const { node, units } of tree.neighbourhoods) cover(node, units);
    // At the study, the reader subtracts every printed neighbourhood figure and every printed unit figure of the
    // other neighbourhoods: what is left is the units whose f is unknown in neighbourhoods whose f is unknown.
    if (!known(tree.study)) return;
    for (;;) {
      const uncovered = tree.neighbourhoods.filter(({ node }) => !known(node)).flatMap(({ units }) => units);
      const unknown = uncovered.filter((unit) => n(unit) > 0 && !known(unit));
      const sum = unknown.reduce((total, unit) => total + n(unit), 0);
      if (unknown.length === 0 || (unknown.length >= 2 && sum >= minimum)) return;
      const smallest = uncovered.filter((unit) => n(unit) > 0 && known(unit)).sort((a, b) => n(a) - n(b))[0];
      // Else a printed neighbourhood that covers unknown units of its own (at least two, with the minimum together).
      const covering = tree.neighbourhoods.find(({ node, units }) => known(node) && units.some((unit) => n(unit) > 0 && !known(unit)));
      if (smallest) withhold(smallest, id);
      else if (covering) withhold(covering.node, id);
      else { withhold(tree.study, id); return; }
    }
  });
  return withheld;
}
