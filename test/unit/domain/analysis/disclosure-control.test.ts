import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideVisibility, disclose, discloseCount, mergeSmallStreets, reportingTree, type ReportingNode, type StreetCount, type Visibility,
} from '../../../../src/domain/analysis/disclosure-control';

/**
 * Independent check: every node's total equals the sum of its parts. Starting from the shown
 * nodes (and empty ones), solve every equation with exactly one unknown, until nothing changes.
 * Returns the ids of nodes whose total a reader could work out.
 */
function derivable(root: ReportingNode, visibility: Map<string, Visibility>): Set<string> {
  const nodes: ReportingNode[] = [];
  const walk = (node: ReportingNode) => { nodes.push(node); node.children.forEach(walk); };
  walk(root);
  const known = new Set(nodes.filter((node) => node.n === 0 || visibility.get(node.id) === 'shown').map((node) => node.id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const parent of nodes.filter((node) => node.children.length > 0)) {
      const unknown = [parent, ...parent.children].filter((node) => !known.has(node.id));
      if (unknown.length === 1) {
        known.add(unknown[0]!.id);
        changed = true;
      }
    }
  }
  return known;
}

const plan = (streets: StreetCount[], min = 10, redesign = true) => {
  const tree = reportingTree(mergeSmallStreets(streets, min, { redesign }));
  return { tree, visibility: decideVisibility(tree, min) };
};

describe('mergeSmallStreets', () => {
  it('merges the streets under the minimum of each neighbourhood into one combined unit', () => {
    const units = mergeSmallStreets(Object.freeze([
      { streetId: 1, neighbourhoodId: 1, respondents: 25 }, { streetId: 2, neighbourhoodId: 1, respondents: 4 },
      { streetId: 3, neighbourhoodId: 1, respondents: 7 }, { streetId: 4, neighbourhoodId: 2, respondents: 12 },
    ].map((street) => Object.freeze(street))), 10);
    expect(units).toEqual([
      { kind: 'street', id: 'street:1', streetId: 1, neighbourhoodId: 1, n: 25 },
      { kind: 'street', id: 'street:4', streetId: 4, neighbourhoodId: 2, n: 12 },
      { kind: 'combined', id: 'combined:1', streetIds: [2, 3], neighbourhoodId: 1, n: 11 },
    ]);
  });
});

describe('decideVisibility', () => {
  it('shows a combined unit that reaches the minimum, and everything else that does', () => {
    const { visibility } = plan([{ streetId: 1, neighbourhoodId: 1, respondents: 25 }, { streetId: 2, neighbourhoodId: 1, respondents: 4 }, { streetId: 3, neighbourhoodId: 1, respondents: 7 }]);
    expect(Object.fromEntries(visibility)).toEqual({ 'study': 'shown', 'neighbourhood:1': 'shown', 'street:1': 'shown', 'combined:1': 'shown' });
  });

  it('merges a combined unit under the minimum into the smallest street with figures of its own, instead of hiding two units', () => {
    const streets = [{ streetId: 1, neighbourhoodId: 1, respondents: 25 }, { streetId: 2, neighbourhoodId: 1, respondents: 14 }, { streetId: 3, neighbourhoodId: 1, respondents: 6 }];
    expect(mergeSmallStreets(streets, 10)).toEqual([
      { kind: 'street', id: 'street:1', streetId: 1, neighbourhoodId: 1, n: 25 },
      { kind: 'combined', id: 'combined:1', streetIds: [2, 3], neighbourhoodId: 1, n: 20, host: 2 },
    ]);
    expect(Object.fromEntries(plan(streets).visibility)).toEqual({ 'study': 'shown', 'neighbourhood:1': 'shown', 'street:1': 'shown', 'combined:1': 'shown' });
  });

  it('(without the redesign) hides a second street when only the combined unit would be hidden under a shown neighbourhood', () => {
    const { visibility } = plan([
      { streetId: 1, neighbourhoodId: 1, respondents: 25 }, { streetId: 2, neighbourhoodId: 1, respondents: 14 }, { streetId: 3, neighbourhoodId: 1, respondents: 6 },
    ], 10, false);
    expect(visibility.get('combined:1')).toBe('below-minimum');
    expect(visibility.get('street:2')).toBe('complementary');
    expect(visibility.get('street:1')).toBe('shown');
  });

  it('hides a second neighbourhood and one of its streets when one small neighbourhood is hidden under the shown study', () => {
    const { visibility } = plan([
      { streetId: 1, neighbourhoodId: 1, respondents: 40 }, { streetId: 2, neighbourhoodId: 2, respondents: 12 }, { streetId: 3, neighbourhoodId: 2, respondents: 11 },
      { streetId: 4, neighbourhoodId: 3, respondents: 5 },
    ]);
    expect(visibility.get('neighbourhood:3')).toBe('below-minimum');
    expect(visibility.get('neighbourhood:2')).toBe('complementary');
    expect(visibility.get('street:3')).toBe('complementary');
    expect(visibility.get('street:2')).toBe('shown');
  });

  it('(the checker finds the leak that primary suppression alone would leave)', () => {
    const { tree } = plan([{ streetId: 1, neighbourhoodId: 1, respondents: 25 }, { streetId: 2, neighbourhoodId: 1, respondents: 14 }, { streetId: 3, neighbourhoodId: 1, respondents: 6 }], 10, false);
    const primaryOnly = new Map<string, Visibility>([['study', 'shown'], ['neighbourhood:1', 'shown'], ['street:1', 'shown'], ['street:2', 'shown'], ['combined:1', 'below-minimum']]);
    expect(derivable(tree, primaryOnly).has('combined:1')).toBe(true);
  });

  it('never lets a hidden unit be worked out from the shown ones', () => {
    const street = fc.record({ neighbourhoodId: fc.integer({ min: 1, max: 4 }), respondents: fc.integer({ min: 0, max: 40 }) });
    fc.assert(fc.property(fc.array(street, { minLength: 1, maxLength: 20 }), fc.integer({ min: 5, max: 15 }), (streets, min) => {
      const { tree, visibility } = plan(streets.map((street, index) => ({ ...street, streetId: index + 1 })), min);
      const known = derivable(tree, visibility);
      // A hidden unit with no respondents reveals nothing; any other hidden unit must stay unknown.
      const leaked = [...visibility].filter(([id, state]) => state !== 'shown' && known.has(id) && findNode(tree, id)!.n > 0);
      return leaked.length === 0;
    }), { numRuns: 2000 });
  });

  it('never shows a unit under the minimum', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), (counts) => {
      const { tree, visibility } = plan(counts.map((respondents, index) => ({ streetId: index + 1, neighbourhoodId: (index % 3) + 1, respondents })));
      const all: ReportingNode[] = [];
      const walk = (node: ReportingNode) => { all.push(node); node.children.forEach(walk); };
      walk(tree);
      return all.every((node) => visibility.get(node.id) !== 'shown' || node.n >= 10);
    }));
  });
});

function findNode(node: ReportingNode, id: string): ReportingNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

describe('disclose', () => {
  it('gives a suppressed unit no figures and no n, and marks units under 30 indicative', () => {
    expect(disclose(8, 'below-minimum', () => ({ mean: 0.4 }))).toEqual({ kind: 'suppressed', reason: 'below-minimum' });
    expect(disclose(12, 'shown', () => ({ mean: 0.4 }))).toEqual({ kind: 'shown', n: 12, indicative: true, figures: { mean: 0.4 } });
    expect(disclose(30, 'shown', () => 1)).toMatchObject({ indicative: false });
  });

  it('writes category counts under 5 as "< 5"', () => {
    expect([0, 1, 4, 5].map(discloseCount)).toEqual([{ kind: 'count', n: 0 }, { kind: 'fewer-than', limit: 5 }, { kind: 'fewer-than', limit: 5 }, { kind: 'count', n: 5 }]);
  });
});
