/**
 * The figures of one unit (the study, a neighbourhood, a street, a group of
 * residents) per item and per dimension, always reported together
 * (instruments.md, "Computations", step 6): mean actual, desired and
 * importance; mean problem-aligned gap; weighted gap; the shares of respondents
 * who want improvement (n > 0), are satisfied (n = 0) or want less (n < 0); the
 * valid n; and a 95 % interval for each mean.
 *
 * Shares are more robust than means for ordinal answers and show the "no need"
 * case directly: low actual and equally low desired contact gives n = 0.
 * Gathered in one pass from sums and sums of squares, so summarising many
 * units is linear in respondents. The values are bounded (gaps in [−1, 1],
 * answers and their means in 1..10), so the variance from these sums loses no
 * precision that matters for a reported figure.
 */
import { intervalFromSums, type MeanInterval } from './mean-interval';
import type { GapModel, RespondentScores, ScoreColumns } from './respondent-scores';

/** A gap this close to zero counts as satisfied: means of fractions are not exact. */
const satisfiedTolerance = 1e-9;

export interface GapFigures {
  n: number;
  actual: MeanInterval;
  desired: MeanInterval;
  importance?: MeanInterval;
  problemAlignedGap: MeanInterval;
  weightedGap: MeanInterval;
  shareWantingImprovement: number;
  shareSatisfied: number;
  shareWantingLess: number;
}

/*
 * The figures of one item or dimension in one unit come from n, Σx and Σx² of
 * each quantity, kept in a slot of a Float64Array: a unit keeps all its items
 * and dimensions in one array, so a city-scale analysis with tens of thousands
 * of units allocates one array per unit, not one per figure.
 * Slot layout: n, importance n, n wanting improvement, n wanting less, then Σx
 * and Σx² for actual, desired, importance, problem-aligned gap, weighted gap.
 */
const slotSize = 14;
const sumAt = 4;
const squareAt = 9;
const [actualQuantity, desiredQuantity, importanceQuantity, gapQuantity, weightedGapQuantity] = [0, 1, 2, 3, 4];

function addValue(data: Float64Array, slot: number, quantity: number, value: number): void {
  data[slot + sumAt + quantity]! += value;
  data[slot + squareAt + quantity]! += value * value;
}

/** Adds row `index` of the columns to the slot at `slot`, when it holds a score. */
function addScore(data: Float64Array, slot: number, columns: ScoreColumns, index: number): void {
  const weightedGap = columns.weightedGap[index]!;
  if (Number.isNaN(weightedGap)) return;
  const problemAlignedGap = columns.problemAlignedGap[index]!;
  const importance = columns.importance[index]!;
  data[slot]! += 1;
  addValue(data, slot, actualQuantity, columns.actual[index]!);
  addValue(data, slot, desiredQuantity, columns.desired[index]!);
  if (!Number.isNaN(importance)) {
    data[slot + 1]! += 1;
    addValue(data, slot, importanceQuantity, importance);
  }
  addValue(data, slot, gapQuantity, problemAlignedGap);
  addValue(data, slot, weightedGapQuantity, weightedGap);
  if (problemAlignedGap > satisfiedTolerance) data[slot + 2]! += 1;
  else if (problemAlignedGap < -satisfiedTolerance) data[slot + 3]! += 1;
}

function intervalAt(data: Float64Array, slot: number, quantity: number, count: number): MeanInterval {
  return intervalFromSums(count, data[slot + sumAt + quantity]!, data[slot + squareAt + quantity]!)!;
}

function figuresAt(data: Float64Array, slot: number): GapFigures | undefined {
  const n = data[slot]!;
  if (n === 0) return undefined;
  const importanceCount = data[slot + 1]!;
  const wantingImprovement = data[slot + 2]!;
  const wantingLess = data[slot + 3]!;
  return {
    n,
    actual: intervalAt(data, slot, actualQuantity, n),
    desired: intervalAt(data, slot, desiredQuantity, n),
    importance: importanceCount > 0 ? intervalAt(data, slot, importanceQuantity, importanceCount) : undefined,
    problemAlignedGap: intervalAt(data, slot, gapQuantity, n),
    weightedGap: intervalAt(data, slot, weightedGapQuantity, n),
    shareWantingImprovement: wantingImprovement / n,
    shareSatisfied: (n - wantingImprovement - wantingLess) / n,
    shareWantingLess: wantingLess / n,
  };
}

/** The figures of one item or dimension in one unit, gathered one respondent at a time. */
export class GapAccumulator {
  private readonly data = new Float64Array(slotSize);

  add(columns: ScoreColumns, index: number): void {
    addScore(this.data, 0, columns, index);
  }

  toFigures(): GapFigures | undefined {
    return figuresAt(this.data, 0);
  }
}

const noItemFigures: ReadonlyMap<string, GapFigures> = new Map();

export interface UnitFigures {
  respondents: number;
  items: ReadonlyMap<string, GapFigures>;
  dimensions: ReadonlyMap<string, GapFigures>;
}

/**
 * Gathers the scores of a unit's respondents, one at a time. Groups of
 * residents are compared per dimension only (`withItems: false`), which keeps
 * a city-scale analysis fast.
 */
export class UnitAccumulator {
  respondents = 0;
  private readonly itemCount: number;
  private readonly dimensionCount: number;
  /** Item slots first, then dimension slots. */
  private readonly data: Float64Array;

  constructor(private readonly model: GapModel, options: { withItems?: boolean } = {}) {
    this.itemCount = (options.withItems ?? true) ? model.items.length : 0;
    this.dimensionCount = model.dimensions.length;
    this.data = new Float64Array((this.itemCount + this.dimensionCount) * slotSize);
  }

  add(scores: RespondentScores): void {
    this.respondents += 1;
    for (let index = 0; index < this.itemCount; index++) addScore(this.data, index * slotSize, scores.items, index);
    const dimensionsAt = this.itemCount * slotSize;
    for (let index = 0; index < this.dimensionCount; index++) addScore(this.data, dimensionsAt + index * slotSize, scores.dimensions, index);
  }

  /**
   * Adds another unit's respondents (same model and layout): counts, sums and
   * sums of squares add up, so a neighbourhood is the sum of its street units
   * and the study the sum of its neighbourhoods, without a pass per level.
   */
  merge(other: UnitAccumulator): void {
    if (other.data.length !== this.data.length) throw new Error('UnitAccumulator.merge needs accumulators of the same layout');
    this.respondents += other.respondents;
    for (let index = 0; index < this.data.length; index++) this.data[index]! += other.data[index]!;
  }

  toFigures(): UnitFigures {
    const figures = (count: number, first: number, idOf: (index: number) => string) => {
      const map = new Map<string, GapFigures>();
      for (let index = 0; index < count; index++) {
        const result = figuresAt(this.data, (first + index) * slotSize);
        if (result) map.set(idOf(index), result);
      }
      return map;
    };
    return {
      respondents: this.respondents,
      // Groups of residents have no item figures: they share one empty map instead of one each.
      items: this.itemCount === 0 ? noItemFigures : figures(this.itemCount, 0, (index) => this.model.items[index]!.item.id),
      dimensions: figures(this.dimensionCount, this.itemCount, (index) => this.model.dimensions[index]!.id),
    };
  }
}
