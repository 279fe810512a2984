/**
 * A unit's diagnosis as the recommendation rules read it: its starting points,
 * whether there is no need, and named measures (rules.ts):
 *
 * - `dimension:<id>.weightedGap`, `.shareWantingImprovement`: from the unit summary;
 * - `dimension:<id>.actual`: mean actual answer on the dimension, rescaled to
 *   0..1 ((mean − 1) / (K − 1)), so "below 0.5" means "below the scale's middle";
 * - `ladder.gapMean`, `ladder.shareWantingHigher`: from the straatladder summary;
 * - `share:<question>=<values>`: the share of the respondents who answered the
 *   question that gave one of the values, with the count it rests on, marked
 *   concealed where the profile hides one of those counts;
 * - `residents:<question>=<values>`: the same count as a share of all the
 *   unit's respondents, for a question only some are asked ("how heavy is
 *   your care" goes to carers): 6 heavily burdened carers in a street of 55
 *   are 11 % of its residents, not 60 % (recommendations.md, denominators);
 * - `share:contribution.willing`, `share:contribution.doesNow`: from the
 *   own-contribution block (respondent-profile.ts);
 * - `contact.actual`, `contact.desired`: how much contact there is and is
 *   wanted, the mean over the themes of positive contact (polarity +1) of the
 *   mean answer rescaled to 0..1, so "below 0.5" is "below the middle";
 * - `wish.shareWantingImprovement`, `wish.importance`: the theme most residents
 *   want improved (named in the value's label), with the share wanting it and
 *   its mean importance rescaled to 0..1;
 * - `startingPoints.count`: how many starting points the unit has;
 * - `streets.withStartingPoint`: for a neighbourhood, how many of its shown
 *   streets have a starting point of their own (given by the caller).
 *
 * A diagnosis is only ever made from a shown unit, so every measure is a
 * published figure.
 */
import type { UnitResult } from '../analysis/analyse-study.js';
import type { StreetLadderSummary } from '../analysis/street-ladder.js';
import type { Instrument } from '../instrument.js';

export interface MeasureValue {
  value: number;
  /** For shares: the number of respondents the share counts. */
  count?: number;
  /**
   * For shares of a background question: the unit's profile does not print one
   * of the counts it adds up ("< 5" or protected, category-disclosure.ts), so a
   * rationale must not print the share either, or the hidden count follows
   * from it (a share under five is still said as "fewer than five").
   */
  concealed?: boolean;
  /** What the value is about, for a rationale's {measure|name}: a theme's id. */
  label?: string;
}

export interface Diagnosis {
  n: number;
  noNeed: boolean;
  startingPoints: string[];
  measure(name: string): MeasureValue | undefined;
}

/** What a neighbourhood's diagnosis knows of its streets. */
export interface DiagnosisContext {
  streetsWithStartingPoint?: number;
}

export function diagnose(result: UnitResult, n: number, instrument: Instrument, ladder?: StreetLadderSummary, context: DiagnosisContext = {}): Diagnosis {
  const pointsOfDimension = new Map<string, number>();
  const positiveDimensions = new Set<string>();
  for (const item of instrument.items) {
    if (item.kind !== 'paired') continue;
    if (!pointsOfDimension.has(item.dimension)) pointsOfDimension.set(item.dimension, instrument.scales[item.scale]!.points.length);
    if (item.polarity === 1) positiveDimensions.add(item.dimension);
  }
  const importancePoints = instrument.scales.importance?.points.length ?? 5;
  const startingPoints = result.startingPoints.kind === 'starting-points' ? result.startingPoints.ranked.map((point) => point.dimension) : [];
  const rescaled = (mean: number, points: number) => (mean - 1) / (points - 1);
  /** The mean over the positive-contact themes of their rescaled actual or desired answer. */
  const contact = (which: 'actual' | 'desired'): MeasureValue | undefined => {
    const values = [...positiveDimensions].flatMap((dimension) => {
      const figures = result.figures.dimensions.get(dimension);
      return figures ? [rescaled(figures[which].mean, pointsOfDimension.get(dimension)!)] : [];
    });
    return values.length > 0 ? { value: values.reduce((total, value) => total + value, 0) / values.length } : undefined;
  };
  /** The theme with the largest share wanting improvement (ties by theme order in the instrument). */
  const wish = (): { dimension: string; share: number; importance?: number } | undefined => {
    let best: { dimension: string; share: number; importance?: number } | undefined;
    for (const dimension of instrument.dimensions) {
      const figures = result.figures.dimensions.get(dimension.id);
      if (!figures || (best && figures.shareWantingImprovement <= best.share)) continue;
      best = { dimension: dimension.id, share: figures.shareWantingImprovement, ...(figures.importance ? { importance: rescaled(figures.importance.mean, importancePoints) } : {}) };
    }
    return best;
  };

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
    if (name === 'contact.actual' || name === 'contact.desired') return contact(name === 'contact.actual' ? 'actual' : 'desired');
    if (name === 'wish.shareWantingImprovement' || name === 'wish.importance') {
      const found = wish();
      if (!found) return undefined;
      if (name === 'wish.shareWantingImprovement') return { value: found.share, label: found.dimension };
      return found.importance === undefined ? undefined : { value: found.importance, label: found.dimension };
    }
    if (name === 'startingPoints.count') return { value: startingPoints.length };
    if (name === 'streets.withStartingPoint') return context.streetsWithStartingPoint === undefined ? undefined : { value: context.streetsWithStartingPoint };
    if (name === 'ladder.gapMean') return ladder?.gap ? { value: ladder.gap.mean } : undefined;
    if (name === 'ladder.shareWantingHigher') return ladder?.shareWantingHigher === undefined ? undefined : { value: ladder.shareWantingHigher };
    const profile = result.profile;
    if (!profile) return undefined;
    const contribution = /^share:contribution\.(willing|doesNow)$/.exec(name);
    if (contribution) {
      if (!profile.contribution) return undefined;
      const { answered } = profile.contribution;
      const count = profile.contribution[contribution[1] as 'willing' | 'doesNow'];
      return { value: count / answered, count };
    }
    const share = /^(share|residents):([a-z0-9-]+)=([\d,]+)$/.exec(name);
    if (share) {
      const question = profile.questions.get(share[2]!);
      if (!question || question.answered === 0) return undefined;
      const values = share[3]!.split(',').map(Number);
      const count = values.reduce((total, value) => total + (question.counts[value - 1] ?? 0), 0);
      const { disclosed } = question;
      const concealed = disclosed.kind === 'suppressed' || values.some((value) => disclosed.cells[value - 1]?.kind !== 'count');
      const denominator = share[1] === 'residents' ? n : question.answered;
      return { value: count / denominator, count, ...(concealed ? { concealed } : {}) };
    }
    return undefined;
  };
  return { n, noNeed: result.startingPoints.kind === 'no-need', startingPoints, measure };
}
