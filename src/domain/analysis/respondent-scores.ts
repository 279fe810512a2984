/**
 * One respondent's scores: the weighted gap of every paired item they
 * answered, and their score per dimension.
 *
 * Dimension score (instruments.md, "Computations", step 5): the respondent's
 * mean over the dimension's answered items — answered meaning a valid actual,
 * desired and (when asked) importance rating — provided at least the
 * instrument's share of them (default half) is answered; otherwise the
 * respondent has no score on that dimension. The unit's figure is then the mean
 * over respondents (unit-summary.ts).
 *
 * @example
 * // dimension with 4 items, 2 answered with WG 0.5 and 0.25 → weightedGap 0.375 (2 of 4 is half: enough)
 */
import type { Instrument, PairedItem } from '../instrument';
import { weightedGap, type ItemGap, type PairedAnswer } from './weighted-gap';

/** One respondent's answers as the analysis reads them; "don't know" is null. */
export interface RespondentAnswers {
  key: string;
  streetId: number;
  neighbourhoodId: number;
  paired: Readonly<Record<string, PairedAnswer>>;
  background: Readonly<Record<string, number | null>>;
}

export interface ScoredGap extends ItemGap {
  actual: number;
  desired: number;
  importance?: number;
}

export interface RespondentScores {
  items: Map<string, ScoredGap>;
  dimensions: Map<string, ScoredGap>;
}

/** The instrument's paired items grouped per dimension, with what the gap formula needs. */
export interface GapModel {
  items: { item: PairedItem; settings: Parameters<typeof weightedGap>[1] }[];
  dimensions: { id: string; itemIds: string[]; minAnswered: number }[];
}

export function gapModelOf(instrument: Instrument): GapModel {
  const importancePoints = instrument.importance === 'none' || !instrument.importanceScale
    ? undefined : instrument.scales[instrument.importanceScale]!.points.length;
  const paired = instrument.items.filter((item): item is PairedItem => item.kind === 'paired');
  const minShare = instrument.thresholds?.minShareOfDimensionItemsAnswered ?? 0.5;
  return {
    items: paired.map((item) => ({ item, settings: { polarity: item.polarity, scalePoints: instrument.scales[item.scale]!.points.length, importancePoints } })),
    dimensions: instrument.dimensions
      .map((dimension) => ({ id: dimension.id, itemIds: paired.filter((item) => item.dimension === dimension.id).map((item) => item.id) }))
      .filter((dimension) => dimension.itemIds.length > 0)
      .map((dimension) => ({ ...dimension, minAnswered: Math.ceil(minShare * dimension.itemIds.length) })),
  };
}

const average = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;

export function scoreRespondent(answers: RespondentAnswers, model: GapModel): RespondentScores {
  const items = new Map<string, ScoredGap>();
  for (const { item, settings } of model.items) {
    const answer = answers.paired[item.id];
    const gap = answer && weightedGap(answer, settings);
    if (gap) items.set(item.id, { ...gap, actual: answer.actual!, desired: answer.desired!, importance: answer.importance ?? undefined });
  }
  const dimensions = new Map<string, ScoredGap>();
  for (const dimension of model.dimensions) {
    const answered = dimension.itemIds.map((id) => items.get(id)).filter((gap): gap is ScoredGap => gap !== undefined);
    if (answered.length === 0 || answered.length < dimension.minAnswered) continue;
    const meanOf = (pick: (gap: ScoredGap) => number) => average(answered.map(pick));
    const hasImportance = answered[0]!.importance !== undefined;
    dimensions.set(dimension.id, {
      actual: meanOf((gap) => gap.actual),
      desired: meanOf((gap) => gap.desired),
      importance: hasImportance ? meanOf((gap) => gap.importance!) : undefined,
      normalisedGap: meanOf((gap) => gap.normalisedGap),
      problemAlignedGap: meanOf((gap) => gap.problemAlignedGap),
      importanceWeight: meanOf((gap) => gap.importanceWeight),
      weightedGap: meanOf((gap) => gap.weightedGap),
    });
  }
  return { items, dimensions };
}
