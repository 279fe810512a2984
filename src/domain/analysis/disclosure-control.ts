/**
 * Disclosure control (statistische beveiliging): which units may show figures,
 * so that no figure about fewer respondents than the study's minimum reporting
 * size leaves the server, directly or by subtraction (instruments.md,
 * "Disclosure control"; domain-research.md §5).
 *
 * 1. Streets under the minimum in a neighbourhood are merged into one combined
 *    unit ("overige straten"); a combined unit still under the minimum is
 *    suppressed. Neighbourhoods and the study under the minimum are suppressed.
 * 2. Complementary suppression: where a parent's total is known and exactly one
 *    of its parts is hidden, the hidden part could be recovered by subtraction,
 *    so a second part — the smallest shown one — is hidden too. A part hidden
 *    this way must really be unknown: when all of its own parts are shown, its
 *    total could be added up again, so the rule hides the smallest of those as
 *    well, down the tree. A part that is never shown (no answer) but not
 *    under the minimum needs no such protection.
 * 3. Units under 30 respondents are marked indicative.
 *
 * "Known" below means published, or derivable because every part is known.
 *
 * The result types make a suppressed figure impossible to print by mistake: a
 * suppressed unit is a different kind of value with no figures and no n.
 */

export const indicativeBelow = 30;
export const smallCountBelow = 5;

export type Disclosed<T> =
  | { kind: 'shown'; n: number; indicative: boolean; figures: T }
  | { kind: 'suppressed'; reason: Exclude<Visibility, 'shown'> };

/** A category count as a report may print it: the count, or "< 5". */
export type DisclosedCount = { kind: 'count'; n: number } | { kind: 'fewer-than'; limit: number };

const fewerThanSmall: DisclosedCount = Object.freeze({ kind: 'fewer-than', limit: smallCountBelow });
/** Counts up to a few hundred, made once and shared: a city-scale analysis prints some 100,000 category counts. */
const sharedCounts: readonly DisclosedCount[] = Array.from({ length: 512 }, (_, n) => Object.freeze({ kind: 'count', n }));

export function discloseCount(n: number): DisclosedCount {
  if (n > 0 && n < smallCountBelow) return fewerThanSmall;
  return sharedCounts[n] ?? { kind: 'count', n };
}

/** A node of the reporting tree: the study, a neighbourhood, or a street unit. */
export interface ReportingNode {
  id: string;
  n: number;
  children: ReportingNode[];
}

/**
 * 'not-reported': a part that is never shown whatever its size, such as the
 * respondents who gave no answer. It needs protecting only when it is under
 * the minimum: a large one may be worked out by subtraction.
 */
export type Visibility = 'shown' | 'below-minimum' | 'complementary' | 'not-reported';

/** Decides for every node of the tree whether its figures may be shown. */
export function decideVisibility(root: ReportingNode, minReportSize: number, neverShown: ReadonlySet<string> = new Set()): Map<string, Visibility> {
  const visibility = new Map<string, Visibility>();
  const markPrimary = (node: ReportingNode) => {
    visibility.set(node.id, neverShown.has(node.id) ? 'not-reported' : node.n < minReportSize ? 'below-minimum' : 'shown');
    node.children.forEach(markPrimary);
  };
  markPrimary(root);

  const isKnown = (node: ReportingNode): boolean =>
    node.n === 0 || visibility.get(node.id) === 'shown' || (node.children.length > 0 && node.children.every(isKnown));
  const bySize = (a: ReportingNode, b: ReportingNode) => a.n - b.n || a.id.localeCompare(b.id);
  /** A part never shown but not under the minimum (the many who gave no answer): working it out discloses nothing small. */
  const mayBeWorkedOut = (node: ReportingNode) => neverShown.has(node.id) && node.n >= minReportSize && node.children.length === 0;

  /** Hides a shown node for complementary reasons, and makes sure its total cannot be added up from its parts. */
  const hide = (node: ReportingNode) => {
    visibility.set(node.id, 'complementary');
    if (node.children.length > 0 && node.children.every(isKnown)) {
      const smallest = node.children.filter((child) => child.n > 0).sort(bySize)[0];
      if (smallest) hide(smallest);
    }
  };

  const protect = (node: ReportingNode) => {
    if (isKnown(node)) {
      const unknown = node.children.filter((child) => !isKnown(child));
      if (unknown.length === 1 && !mayBeWorkedOut(unknown[0]!)) {
        const second = node.children.filter((child) => child.n > 0 && isKnown(child)).sort(bySize)[0];
        if (second) hide(second);
      }
    }
    node.children.forEach(protect);
  };
  // Hiding only ever removes knowledge, so repeating until nothing changes ends.
  let before: string;
  do {
    before = [...visibility.values()].join();
    protect(root);
  } while ([...visibility.values()].join() !== before);
  return visibility;
}

export function disclose<T>(n: number, visibility: Visibility, figures: () => T): Disclosed<T> {
  return discloseWith(n, visibility, figures, undefined);
}

/**
 * disclose() with the figures made from an argument, so a caller that
 * discloses tens of thousands of units (street × group cells) passes one
 * function and needs no new closure per unit.
 */
export function discloseWith<A, T>(n: number, visibility: Visibility, make: (argument: A) => T, argument: A): Disclosed<T> {
  if (visibility !== 'shown') return { kind: 'suppressed', reason: visibility };
  return { kind: 'shown', n, indicative: n < indicativeBelow, figures: make(argument) };
}

export interface StreetCount {
  streetId: number;
  neighbourhoodId: number;
  respondents: number;
}

/** A reporting unit within a neighbourhood: one street, or the combined small streets. */
export type StreetUnit =
  | { kind: 'street'; id: string; streetId: number; neighbourhoodId: number; n: number }
  | {
    kind: 'combined'; id: string; streetIds: number[]; neighbourhoodId: number; n: number;
    /** The street with figures of its own that the small streets were merged into, when they were too few together. */
    host?: number;
  };

/**
 * Redesigns the table before anything is suppressed (instruments.md,
 * "Disclosure control"): each neighbourhood's streets under the minimum are
 * merged into one combined unit ("overige straten"); a combined unit still
 * under the minimum is merged into the smallest street of the neighbourhood
 * that has its own figures, and reported under both names. Only a
 * neighbourhood without such a street keeps a combined unit under the
 * minimum, which is then suppressed (and complementary suppression decides
 * the rest, decideVisibility).
 *
 * @example
 * // streets of 24, 18, 4 and 3 (minimum 10): 4 + 3 = 7 is too few, so they join the 18: units 24 and 18 + 4 + 3 = 25
 */
export function mergeSmallStreets(streets: readonly StreetCount[], minReportSize: number, options: { redesign?: boolean } = {}): StreetUnit[] {
  const units: StreetUnit[] = [];
  const smallByNeighbourhood = new Map<number, StreetCount[]>();
  for (const street of streets) {
    if (street.respondents >= minReportSize) {
      units.push({ kind: 'street', id: `street:${street.streetId}`, streetId: street.streetId, neighbourhoodId: street.neighbourhoodId, n: street.respondents });
    } else {
      const small = smallByNeighbourhood.get(street.neighbourhoodId);
      if (small) small.push(street);
      else smallByNeighbourhood.set(street.neighbourhoodId, [street]);
    }
  }
  for (const [neighbourhoodId, small] of smallByNeighbourhood) {
    const n = small.reduce((total, street) => total + street.respondents, 0);
    const streetIds = small.map((street) => street.streetId);
    // Too few together: merge them into the neighbourhood's smallest street with figures of its own (fewest respondents, then lowest id).
    const host = n > 0 && n < minReportSize && options.redesign !== false
      ? units.filter((unit): unit is Extract<StreetUnit, { kind: 'street' }> => unit.kind === 'street' && unit.neighbourhoodId === neighbourhoodId)
        .sort((a, b) => a.n - b.n || a.streetId - b.streetId)[0]
      : undefined;
    if (host) units.splice(units.indexOf(host), 1);
    units.push({
      kind: 'combined', id: `combined:${neighbourhoodId}`, neighbourhoodId,
      streetIds: [...streetIds, ...(host ? [host.streetId] : [])].sort((a, b) => a - b),
      n: n + (host?.n ?? 0),
      ...(host ? { host: host.streetId } : {}),
    });
  }
  return units;
}

/** The study → neighbourhood → street-unit tree that decideVisibility works on. */
export function reportingTree(units: readonly StreetUnit[]): ReportingNode {
  const neighbourhoods = new Map<number, ReportingNode>();
  for (const unit of units) {
    const id = `neighbourhood:${unit.neighbourhoodId}`;
    const node = neighbourhoods.get(unit.neighbourhoodId) ?? { id, n: 0, children: [] };
    node.n += unit.n;
    node.children.push({ id: unit.id, n: unit.n, children: [] });
    neighbourhoods.set(unit.neighbourhoodId, node);
  }
  const children = [...neighbourhoods.values()];
  return { id: 'study', n: children.reduce((total, node) => total + node.n, 0), children };
}
