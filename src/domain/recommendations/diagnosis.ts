/**
 * A unit's diagnosis as the recommendation rules read it: its starting points,
 * whether there is no need, and named measures (rules.ts):
 *
 * - `dimension:<id>.weightedGap`, `.shareWantingImprovement`: from the unit summary;
 * - `dimension:<id>.actual`: mean actual answer on the dimension, rescaled to
 *   0..1 ((mean − 1) / (K − 1)), so "below 0.5" means "below the scale's middle";
 * - `ladder.gapMean`, `ladder.shareWantingHigher`: from the straatladder summary;
 * - `share:<question>=<values>`: the share of the respondents who answered the
 *   question that gave one of the values, with the count it rests on;
 * - `share:contribution.willing`, `share:contribution.doesNow`: from the
 *   own-contribution block (respondent-profile.ts).
 *
 * A diagnosis is only ever made from a shown unit, so every measure is a
 * published figure.
 */
import type { UnitResult } from '../analysis/analyse-study';
import type { StreetLadderSummary } from '../analysis/street-ladder';
import type { Instrument } from '../instrument';

export interface MeasureValue {
  value: number;
  /** For shares: the number of respondents the share counts. */
  count?: number;
}

export interface Diagnosis {
  n: number;
  noNeed: boolean;
  startingPoints: string[];
  measure(name: string): MeasureValue | undefined;
}

export function diagnose(result: UnitResult, n: number, instrument: Instrument, ladder?: StreetLadderSummary): Diagnosis {
  const pointsOfDimension = new Map<string, number>();
  for (const item of instrument.items) {
    if (item.kind === 'paired' && !pointsOfDimension.has(item.dimension)) pointsOfDimension.set(item.dimension, instrument.scales[item.scale]!.points.length);
  }
  const startingPoints = result.startingPoints.kind === 'starting-points' ? result.startingPoints.ranked.map((point) => point.dimension) : [];

  const measure = (name: string): MeasureValue | undefined => {
    const dimension = /^dimension:([a-z0-9-]+)\.(weightedGap|shareWantingImprovement|actual)$/.exec(name);
    if (dimension) {
      const figures = result.figures.dimensions.get(dimension[1]!);
      if (!figures) return undefined;
      if (dimension[2] === 'weightedGap') return { value: figures.weightedGap.mean };
      if (dimension[2] === 'shareWantingImprovement') return { value: figures.shareWantingImprovement };
      const points = pointsOfDimension.get(dimension[1]!)!;
      return { value: (figures.actual.mean - 1) / (points - 1) };
    }
    if (name === 'ladder.gapMean') return ladder?.gap ? { value: ladder.gap.mean } : undefined;
    if (name === 'ladder.shareWantingHigher') return ladder?.shareWantingHigher === undefined ? undefined : { value: ladder.shareWantingHigher };
    const profile = result.profile;
    if (!profile) return undefined;
    const contribution = /^share:contribution\.(willing|doesNow)$/.exec(name);
    if (contribution) {
      const { answered } = profile.contribution;
      const count = profile.contribution[contribution[1] as 'willing' | 'doesNow'];
      return answered > 0 ? { value: count / answered, count } : undefined;
    }
    const share = /^share:([a-z0-9-]+)=([\d,]+)$/.exec(name);
    if (share) {
      const question = profile.questions.get(share[1]!);
      if (!question || question.answered === 0) return undefined;
      const count = share[2]!.split(',').map(Number).reduce((total, value) => total + (question.counts[value - 1] ?? 0), 0);
      return { value: count / question.answered, count };
    }
    return undefined;
  };
  return { n, noNeed: result.startingPoints.kind === 'no-need', startingPoints, measure };
}
