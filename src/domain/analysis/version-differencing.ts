/**
 * Disclosure across published versions (instruments.md, disclosure control).
 *
 * A reader may keep the download of an earlier publication. If a figure rests
 * on n respondents in one version and on n + d in the next, the two versions
 * together give the figure of those d respondents alone: with d = 1, one
 * resident's own answers; for a hidden street, the difference of two
 * neighbourhood figures gives the street's new residents. So every count a
 * publication rests on must change, between any two versions readers were
 * given, by nothing or by at least the minimum reporting size:
 *
 *   for every cell c: Δ(c) = |n_new(c) − n_old(c)| ∈ {0} ∪ [minimum, ∞)
 *
 * The cells are each street's respondents (hidden streets included:
 * a neighbourhood or a combined unit is a union of streets, so when every
 * street changes by 0 or by at least the minimum, so does every union), and
 * of every unit shown: its respondents, each theme's and statement's n, the straatladder's n,
 * the number of answers of each background question and of the own
 * contribution (in all and per activity) where it is printed (answered by at
 * least the minimum), and each group cell's n. A cell present in one version only counts
 * as changed by its whole n, which a shown cell never has below the minimum.
 *
 * A publication that breaks this is refused, naming the cell; the coordinator
 * publishes again once enough interviews have come in (or the fieldwork is
 * closed). This is the "refuse a republication that changes a hidden unit by
 * fewer than the minimum" mechanism, applied to every count, not only to
 * hidden units, since a shown street that gains one interview gives that
 * interview away just as well.
 */
import type { AnalysisResult, UnitResult } from './analyse-study.js';
import type { Disclosed } from './disclosure-control.js';

/** The counts a publication rests on, by cell key ("street:12", "unit:street:12:theme:surface-contact", …). */
export type PublishedCounts = Record<string, number>;

function addUnitCounts(counts: PublishedCounts, key: string, unit: Disclosed<UnitResult>, minimum: number): void {
  if (unit.kind !== 'shown') return;
  counts[`unit:${key}`] = unit.n;
  for (const [dimension, figures] of unit.figures.figures.dimensions) counts[`unit:${key}:theme:${dimension}`] = figures.n;
  // Each statement's n as well: the readers' tables and the neighbourhood report print statements' figures.
  for (const [item, figures] of unit.figures.figures.items) counts[`unit:${key}:statement:${item}`] = figures.n;
  const profile = unit.figures.profile;
  if (profile) {
    // A question fewer than the minimum answered is left out of what is printed (category-disclosure.ts).
    for (const [question, { answered }] of profile.questions) if (answered >= minimum) counts[`unit:${key}:question:${question}`] = answered;
    if (profile.contribution) {
      counts[`unit:${key}:contribution`] = profile.contribution.answered;
      for (const item of profile.contribution.items) {
        if (item.now.answered >= minimum) counts[`unit:${key}:contribution:${item.id}:now`] = item.now.answered;
        if (item.willing.answered >= minimum) counts[`unit:${key}:contribution:${item.id}:willing`] = item.willing.answered;
      }
    }
  }
}

/** Every count of an analysis a reader's publication rests on. */
export function publishedCounts(result: AnalysisResult): PublishedCounts {
  const counts: PublishedCounts = {};
  const minimum = result.minReportSize;
  const addUnit = (key: string, unit: Disclosed<UnitResult>) => addUnitCounts(counts, key, unit, minimum);
  for (const street of result.streets) counts[`street:${street.streetId}`] = street.respondents;
  addUnit('study', result.study);
  for (const neighbourhood of result.neighbourhoods) addUnit(`neighbourhood:${neighbourhood.neighbourhoodId}`, neighbourhood.result);
  for (const combined of result.combinedUnits) addUnit(`combined:${combined.neighbourhoodId}`, combined.result);
  for (const street of result.streets) {
    if (street.reportedAs === 'street') addUnit(`street:${street.streetId}`, street.result);
    for (const group of street.groups) {
      for (const category of group.categories) addUnit(`street:${street.streetId}:group:${group.variable}=${category.value}`, category.result);
    }
  }
  for (const group of result.groups) {
    for (const category of group.categories) addUnit(`study:group:${group.variable}=${category.value}`, category.result);
  }
  const ladder = result.streetLadder;
  if (ladder) {
    const addLadder = (key: string, unit: (typeof ladder)['study']) => { if (unit.kind === 'shown') counts[`ladder:${key}`] = unit.figures.n; };
    addLadder('study', ladder.study);
    for (const neighbourhood of ladder.neighbourhoods) addLadder(`neighbourhood:${neighbourhood.neighbourhoodId}`, neighbourhood.result);
    for (const street of ladder.streets) addLadder(`street:${street.streetId}`, street.result);
  }
  return counts;
}

export interface DifferencingRisk {
  /** The cell whose count changed too little, as in `PublishedCounts`. */
  cell: string;
  /** By how many respondents it changed (1 to minimum − 1). */
  difference: number;
}

/** The first cell whose count differs between two versions by more than nothing and less than the minimum. */
export function differencingRisk(previous: PublishedCounts, current: PublishedCounts, minimum: number): DifferencingRisk | undefined {
  for (const cell of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    const difference = Math.abs((current[cell] ?? 0) - (previous[cell] ?? 0));
    if (difference > 0 && difference < minimum) return { cell, difference };
  }
  return undefined;
}
