/**
 * Response figures from the visit log (instruments.md, Computations:
 * "Response"), per street and for any group of addresses:
 *
 * - addresses in the frame; ineligible = any visit found the address vacant,
 *   moved or not a dwelling (and no interview was held there);
 * - eligible = addresses − ineligible;
 * - completed = addresses with a counted interview;
 * - refused = not completed and the last visit was a refusal;
 * - not reached = visited, not completed, not ineligible, not refused;
 * - response rate = completed / eligible (undefined while nothing is eligible).
 *
 * @example
 * // Four addresses: one interview, one vacant, one refusal, one never visited.
 * responseFigures([{ visits: 2, lastOutcome: 'interview', ineligible: false, completed: true }, …])
 * // → { addresses: 4, ineligible: 1, eligible: 3, completed: 1, refused: 1, notReached: 0, notVisited: 1, responseRate: 1/3 }
 */
import { median } from 'simple-statistics';
import type { VisitOutcome } from './sync-record.js';

export interface AddressFieldwork {
  visits: number;
  lastOutcome: VisitOutcome | null;
  ineligible: boolean;
  completed: boolean;
}

export interface ResponseFigures {
  addresses: number;
  visits: number;
  ineligible: number;
  eligible: number;
  completed: number;
  refused: number;
  notReached: number;
  notVisited: number;
  responseRate?: number;
}

export function responseFigures(addresses: readonly AddressFieldwork[]): ResponseFigures {
  const figures = { addresses: addresses.length, visits: 0, ineligible: 0, eligible: 0, completed: 0, refused: 0, notReached: 0, notVisited: 0 };
  for (const address of addresses) {
    figures.visits += address.visits;
    if (address.completed) figures.completed++;
    else if (address.ineligible) figures.ineligible++;
    else if (address.lastOutcome === 'refused') figures.refused++;
    else if (address.visits > 0) figures.notReached++;
    else figures.notVisited++;
  }
  figures.eligible = figures.addresses - figures.ineligible;
  return withResponseRate(figures);
}

/** Response rate = completed / eligible addresses, when there are eligible addresses. */
function withResponseRate(figures: Omit<ResponseFigures, 'responseRate'>): ResponseFigures {
  return figures.eligible > 0 ? { ...figures, responseRate: figures.completed / figures.eligible } : { ...figures };
}

/** Response figures from stored counts (the snapshot kept when the address frame is purged). */
export function responseFiguresFromCounts(counts: Omit<ResponseFigures, 'eligible' | 'responseRate'>): ResponseFigures {
  const { addresses, visits, ineligible, completed, refused, notReached, notVisited } = counts;
  // The same fields in the same order as responseFigures, so stored and live figures serialise alike.
  return withResponseRate({ addresses, visits, ineligible, eligible: addresses - ineligible, completed, refused, notReached, notVisited });
}

/** The response of several streets together (a neighbourhood): counts added up, the rate recomputed. */
export function sumResponseFigures(list: readonly ResponseFigures[]): ResponseFigures {
  const total = { addresses: 0, visits: 0, ineligible: 0, eligible: 0, completed: 0, refused: 0, notReached: 0, notVisited: 0 };
  for (const figures of list) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += figures[key];
  }
  return withResponseRate(total);
}

/**
 * Interviews far shorter than usual: under half the median duration of the
 * same instrument in the study (product.md, Monitoring: paradata flags).
 */
export function shortInterviews<T extends { instrumentId: string; minutes: number }>(interviews: readonly T[], share = 0.5): T[] {
  const thresholds = new Map<string, number>();
  for (const instrumentId of new Set(interviews.map((interview) => interview.instrumentId))) {
    const minutes = interviews.filter((interview) => interview.instrumentId === instrumentId).map((interview) => interview.minutes);
    // A median of fewer than five interviews says too little to flag anyone.
    if (minutes.length >= 5) thresholds.set(instrumentId, share * median(minutes));
  }
  return interviews.filter((interview) => interview.minutes < (thresholds.get(interview.instrumentId) ?? -Infinity));
}
