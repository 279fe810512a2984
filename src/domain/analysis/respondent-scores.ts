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
 * Scores are written into reusable typed arrays, aligned with the model's
 * items and dimensions, with NaN for "no score": analysing 100,000
 * respondents then allocates nothing per respondent.
 *
 * @example
 * // dimension with 4 items, 2 answered with WG 0.5 and 0.25 → weightedGap 0.375 (2 of 4 is half: enough)
 */
import type { Instrument, PairedItem } from '../instrument.js';
import type { RespondentTable } from './respondent-table.js';
import { importanceWeightOf, normalisedGapOf, problemAlignedGapOf, type GapSettings } from './weighted-gap.js';

/** The instrument's paired items grouped per dimension, with what the gap formula needs. */
export interface GapModel {
  items: { item: PairedItem; settings: GapSettings }[];
  dimensions: { id: string; itemIds: string[]; itemIndexes: number[]; minAnswered: number }[];
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
      .map((dimension) => ({
        ...dimension,
        itemIndexes: dimension.itemIds.map((id) => paired.findIndex((item) => item.id === id)),
        minAnswered: Math.ceil(minShare * dimension.itemIds.length),
      })),
  };
}

/** One kind of score per column, one row per item or dimension; NaN where there is no score. */
export class ScoreColumns {
  readonly actual: Float64Array;
  readonly desired: Float64Array;
  /** NaN throughout when the instrument asks no importance. */
  readonly importance: Float64Array;
  readonly problemAlignedGap: Float64Array;
  readonly weightedGap: Float64Array;

  constructor(readonly size: number) {
    this.actual = new Float64Array(size);
    this.desired = new Float64Array(size);
    this.importance = new Float64Array(size);
    this.problemAlignedGap = new Float64Array(size);
    this.weightedGap = new Float64Array(size);
  }

  hasScore(index: number): boolean {
    return !Number.isNaN(this.weightedGap[index]!);
  }

  clear(index: number): void {
    this.actual[index] = NaN;
    this.desired[index] = NaN;
    this.importance[index] = NaN;
    this.problemAlignedGap[index] = NaN;
    this.weightedGap[index] = NaN;
  }
}

/** One respondent's scores on every item and dimension of the model; reused from respondent to respondent. */
export class RespondentScores {
  readonly items: ScoreColumns;
  readonly dimensions: ScoreColumns;
  /** The actual and desired answers per item as given, NaN for "don't know" or no answer, whether or not the item has a score (for Cronbach's alpha). */
  readonly answeredActual: Float64Array;
  readonly answeredDesired: Float64Array;

  constructor(model: GapModel) {
    this.items = new ScoreColumns(model.items.length);
    this.dimensions = new ScoreColumns(model.dimensions.length);
    this.answeredActual = new Float64Array(model.items.length);
    this.answeredDesired = new Float64Array(model.items.length);
  }
}

/**
 * Scores row `row` of the table. The model's items are the table's item
 * columns in the same order (both follow the instrument); 0 in a column is
 * "don't know" or no answer.
 */
export function scoreRespondent(table: RespondentTable, row: number, model: GapModel, into = new RespondentScores(model)): RespondentScores {
  const { items, dimensions } = into;
  const itemCount = model.items.length;
  const rowAt = row * itemCount;
  for (let index = 0; index < itemCount; index++) {
    const { settings } = model.items[index]!;
    const actual = table.actual[rowAt + index]!;
    const desired = table.desired[rowAt + index]!;
    const importance = table.importance[rowAt + index]! || null;
    into.answeredActual[index] = actual || NaN;
    into.answeredDesired[index] = desired || NaN;
    // The weighted gap of weighted-gap.ts, step by step: no object per item.
    const importanceWeight = actual === 0 || desired === 0 ? NaN : importanceWeightOf(importance, settings);
    if (Number.isNaN(importanceWeight)) {
      items.clear(index);
      continue;
    }
    const problemAlignedGap = problemAlignedGapOf(normalisedGapOf(actual, desired, settings), settings);
    items.actual[index] = actual;
    items.desired[index] = desired;
    items.importance[index] = importance ?? NaN;
    items.problemAlignedGap[index] = problemAlignedGap;
    items.weightedGap[index] = importanceWeight * problemAlignedGap + 0;
  }
  for (let index = 0; index < model.dimensions.length; index++) {
    const dimension = model.dimensions[index]!;
    scoreDimension(dimension.itemIndexes, dimension.minAnswered, items, dimensions, index);
  }
  return into;
}

/** The respondent's mean over the dimension's answered items, or no score under the minimum answered. */
function scoreDimension(itemIndexes: readonly number[], minAnswered: number, items: ScoreColumns, dimensions: ScoreColumns, index: number): void {
  let answered = 0;
  let actual = 0, desired = 0, importance = 0, problemAlignedGap = 0, weightedGap = 0;
  for (const item of itemIndexes) {
    if (!items.hasScore(item)) continue;
    answered += 1;
    actual += items.actual[item]!;
    desired += items.desired[item]!;
    importance += items.importance[item]!;
    problemAlignedGap += items.problemAlignedGap[item]!;
    weightedGap += items.weightedGap[item]!;
  }
  if (answered === 0 || answered < minAnswered) return dimensions.clear(index);
  dimensions.actual[index] = actual / answered;
  dimensions.desired[index] = desired / answered;
  dimensions.importance[index] = importance / answered;
  dimensions.problemAlignedGap[index] = problemAlignedGap / answered;
  dimensions.weightedGap[index] = weightedGap / answered;
}
