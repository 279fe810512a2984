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

/**
 * Scores are built as object literals with a fixed shape and averaged in one
 * loop: an object spread here made a city-scale analysis twenty times slower.
 */
export function scoreRespondent(answers: RespondentAnswers, model: GapModel): RespondentScores {
  const items = new Map<string, ScoredGap>();
  for (const { item, settings } of model.items) {
    const answer = answers.paired[item.id];
    const gap = answer && weightedGap(answer, settings);
    if (!gap) continue;
    items.set(item.id, {
      actual: answer.actual!,
      desired: answer.desired!,
      importance: answer.importance ?? undefined,
      normalisedGap: gap.normalisedGap,
      problemAlignedGap: gap.problemAlignedGap,
      importanceWeight: gap.importanceWeight,
      weightedGap: gap.weightedGap,
    });
  }
  const dimensions = new Map<string, ScoredGap>();
  for (const dimension of model.dimensions) {
    const score = dimensionScore(dimension, items);
    if (score) dimensions.set(dimension.id, score);
  }
  return { items, dimensions };
}

/** The respondent's mean over the dimension's answered items, or undefined under the minimum answered. */
function dimensionScore(dimension: GapModel['dimensions'][number], items: ReadonlyMap<string, ScoredGap>): ScoredGap | undefined {
  let answered = 0;
  let actual = 0, desired = 0, importance = 0, normalisedGap = 0, problemAlignedGap = 0, importanceWeight = 0, weightedGap = 0;
  let hasImportance = true;
  for (const id of dimension.itemIds) {
    const gap = items.get(id);
    if (!gap) continue;
    answered += 1;
    actual += gap.actual;
    desired += gap.desired;
    if (gap.importance === undefined) hasImportance = false;
    else importance += gap.importance;
    normalisedGap += gap.normalisedGap;
    problemAlignedGap += gap.problemAlignedGap;
    importanceWeight += gap.importanceWeight;
    weightedGap += gap.weightedGap;
  }
  if (answered === 0 || answered < dimension.minAnswered) return undefined;
  return {
    actual: actual / answered,
    desired: desired / answered,
    importance: hasImportance ? importance / answered : undefined,
    normalisedGap: normalisedGap / answered,
    problemAlignedGap: problemAlignedGap / answered,
    importanceWeight: importanceWeight / answered,
    weightedGap: weightedGap / answered,
  };
}
