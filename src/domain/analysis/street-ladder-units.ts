/**
 * The straatladder summary (street-ladder.ts) for every unit of a study: the
 * study, each neighbourhood and each street unit, using the same street units
 * as the contactladder (small streets merged per neighbourhood).
 *
 * The straatladder has its own respondents (an interview may ask only one of
 * the instruments), so its disclosure control is decided on its own counts:
 * the same rules (disclosure-control.ts), a separate tree.
 */
import { decideVisibility, disclose, reportingTree, type Disclosed, type StreetUnit } from './disclosure-control.js';
import { placedBoth, summariseStreetLadder, type StreetLadderAnswer, type StreetLadderSummary } from './street-ladder.js';

export type PlacedStreetLadderAnswer = StreetLadderAnswer & { streetId: number; neighbourhoodId: number };

export interface StreetLadderUnits {
  rungs: number;
  study: Disclosed<StreetLadderSummary>;
  neighbourhoods: { neighbourhoodId: number; result: Disclosed<StreetLadderSummary> }[];
  /** Per street: the summary of its unit (its own, or the neighbourhood's combined small streets). */
  streets: { streetId: number; result: Disclosed<StreetLadderSummary> }[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function streetLadderUnits(
  answers: readonly PlacedStreetLadderAnswer[], rungs: number, units: readonly StreetUnit[],
  unitOfStreet: ReadonlyMap<number, string>, neighbourhoodIds: readonly number[], minReportSize: number,
): StreetLadderUnits {
  const byUnit = new Map<string, PlacedStreetLadderAnswer[]>();
  const byNeighbourhood = new Map<number, PlacedStreetLadderAnswer[]>();
  // Units are sized, and so shown or hidden, by who placed the street on both rungs (the summary's n).
  const placed = answers.filter(placedBoth);
  for (const answer of placed) {
    const unitId = unitOfStreet.get(answer.streetId);
    if (unitId) push(byUnit, unitId, answer);
    push(byNeighbourhood, answer.neighbourhoodId, answer);
  }
  const visibility = decideVisibility(reportingTree(units.map((unit) => ({ ...unit, n: byUnit.get(unit.id)?.length ?? 0 }))), minReportSize);
  const summary = (list: readonly StreetLadderAnswer[] | undefined, id: string) =>
    disclose(list?.length ?? 0, visibility.get(id) ?? 'below-minimum', () => summariseStreetLadder(list ?? [], rungs));
  const unitSummaries = new Map(units.map((unit) => [unit.id, summary(byUnit.get(unit.id), unit.id)]));
  return {
    rungs,
    study: summary(placed, 'study'),
    neighbourhoods: neighbourhoodIds.map((neighbourhoodId) => ({ neighbourhoodId, result: summary(byNeighbourhood.get(neighbourhoodId), `neighbourhood:${neighbourhoodId}`) })),
    streets: [...unitOfStreet].map(([streetId, unitId]) => ({ streetId, result: unitSummaries.get(unitId)! })),
  };
}
