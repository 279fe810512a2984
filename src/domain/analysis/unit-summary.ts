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
import type { Float64Arena } from './float-arena.js';
import { FigureMap, figureRowSize, noFigures, quantityAt, shareAt } from './figure-map.js';
import { writeIntervalFromSums } from './mean-interval.js';
import type { GapModel, RespondentScores } from './respondent-scores.js';
import { actualQuantity, addScore, addSums, desiredQuantity, gapQuantity, importanceQuantity, slotSize, squareAt, sumAt, weightedGapQuantity } from './score-sums.js';

export type { GapFigures } from './figure-map.js';

/**
 * Writes the figures of the slot at `slot` into the row at `at` in `out` (layout in
 * figure-map.ts): n, importance n, the shares, and mean, low and high of each
 * quantity. Writes nothing when the slot has no respondent.
 */
function writeFigures(data: Float64Array, slot: number, out: Float64Array, at: number): void {
  const n = data[slot]!;
  if (n === 0) return;
  const importanceCount = data[slot + 1]!;
  const wantingImprovement = data[slot + 2]!;
  const wantingLess = data[slot + 3]!;
  out[at] = n;
  out[at + 1] = importanceCount;
  out[at + shareAt.wantingImprovement] = wantingImprovement / n;
  out[at + shareAt.satisfied] = (n - wantingImprovement - wantingLess) / n;
  out[at + shareAt.wantingLess] = wantingLess / n;
  writeQuantity(data, slot, actualQuantity, n, out, at + quantityAt.actual);
  writeQuantity(data, slot, desiredQuantity, n, out, at + quantityAt.desired);
  if (importanceCount > 0) writeQuantity(data, slot, importanceQuantity, importanceCount, out, at + quantityAt.importance);
  writeQuantity(data, slot, gapQuantity, n, out, at + quantityAt.problemAlignedGap);
  writeQuantity(data, slot, weightedGapQuantity, n, out, at + quantityAt.weightedGap);
}

/** Mean, low and high of one quantity from its sums (mean-interval.ts). */
function writeQuantity(data: Float64Array, slot: number, quantity: number, count: number, out: Float64Array, at: number): void {
  writeIntervalFromSums(count, data[slot + sumAt + quantity]!, data[slot + squareAt + quantity]!, out, at);
}

/** Which id each figure row of a unit belongs to; one per model and kind of unit, shared by all its units. */
interface RowLayout {
  itemIds: readonly string[];
  itemRows: readonly number[];
  dimensionIds: readonly string[];
  dimensionRows: readonly number[];
}

const rowLayouts = new WeakMap<GapModel, { withItems: RowLayout; dimensionsOnly: RowLayout }>();

function rowLayoutOf(model: GapModel, withItems: boolean): RowLayout {
  let layouts = rowLayouts.get(model);
  if (!layouts) {
    const itemIds = model.items.map(({ item }) => item.id);
    const dimensionIds = model.dimensions.map((dimension) => dimension.id);
    const rows = (first: number, count: number) => Array.from({ length: count }, (_, index) => first + index);
    layouts = {
      withItems: { itemIds, itemRows: rows(0, itemIds.length), dimensionIds, dimensionRows: rows(itemIds.length, dimensionIds.length) },
      dimensionsOnly: { itemIds: [], itemRows: [], dimensionIds, dimensionRows: rows(0, dimensionIds.length) },
    };
    rowLayouts.set(model, layouts);
  }
  return withItems ? layouts.withItems : layouts.dimensionsOnly;
}

export interface UnitFigures {
  respondents: number;
  items: FigureMap;
  dimensions: FigureMap;
}

/**
 * Gathers the scores of a unit's respondents, one at a time. Groups of
 * residents are compared per dimension only (`withItems: false`), which keeps
 * a city-scale analysis fast.
 */
export class UnitAccumulator {
  respondents = 0;
  private readonly layout: RowLayout;
  private readonly itemCount: number;
  private readonly dimensionCount: number;
  /** Item slots first, then dimension slots, from `base` on in `data`. */
  private readonly data: Float64Array;
  private readonly base: number;

  /** Where the sums and the figures are kept: slices of arenas shared by the analysis's units, or arrays of their own. */
  private readonly arenas?: { sums: Float64Arena; figures: Float64Arena };

  constructor(model: GapModel, options: { withItems?: boolean; arenas?: { sums: Float64Arena; figures: Float64Arena } } = {}) {
    this.layout = rowLayoutOf(model, options.withItems ?? true);
    this.itemCount = this.layout.itemIds.length;
    this.dimensionCount = model.dimensions.length;
    this.arenas = options.arenas;
    const length = (this.itemCount + this.dimensionCount) * slotSize;
    if (this.arenas) {
      this.base = this.arenas.sums.reserve(length);
      this.data = this.arenas.sums.chunk;
    } else {
      this.base = 0;
      this.data = new Float64Array(length);
    }
  }

  add(scores: RespondentScores): void {
    this.respondents += 1;
    for (let index = 0; index < this.itemCount; index++) addScore(this.data, this.base + index * slotSize, scores.items, index);
    const dimensionsAt = this.base + this.itemCount * slotSize;
    for (let index = 0; index < this.dimensionCount; index++) addScore(this.data, dimensionsAt + index * slotSize, scores.dimensions, index);
  }

  /**
   * Adds another unit's respondents (same model and layout): counts, sums and
   * sums of squares add up, so a neighbourhood is the sum of its street units
   * and the study the sum of its neighbourhoods, without a pass per level.
   */
  merge(other: UnitAccumulator): void {
    if (other.itemCount !== this.itemCount || other.dimensionCount !== this.dimensionCount) throw new Error('UnitAccumulator.merge needs accumulators of the same layout');
    this.respondents += other.respondents;
    addSums(this.data, this.base, other.data, other.base, (this.itemCount + this.dimensionCount) * slotSize);
  }

  /**
   * The unit's figures, computed now (item rows first, then dimension rows, in
   * one array). An item or dimension answered by fewer than `minimumN`
   * respondents has none: every figure obeys the minimum on its own n, not only
   * on the unit's (instruments.md, "Disclosure control"). `withheld` names
   * figures left out to protect another unit's (figure-suppression.ts).
   */
  toFigures(minimumN = 1, withheld?: ReadonlySet<string>): UnitFigures {
    const rowCount = this.itemCount + this.dimensionCount;
    const length = rowCount * figureRowSize;
    const base = this.arenas ? this.arenas.figures.reserve(length) : 0;
    const values = this.arenas ? this.arenas.figures.chunk : new Float64Array(length);
    for (let row = 0; row < rowCount; row++) writeFigures(this.data, this.base + row * slotSize, values, base + row * figureRowSize);
    return {
      respondents: this.respondents,
      // Groups of residents have no item figures: they share one empty map instead of one each.
      items: figureMapOf(this.layout.itemIds, this.layout.itemRows, values, base, minimumN, withheld),
      dimensions: figureMapOf(this.layout.dimensionIds, this.layout.dimensionRows, values, base, minimumN, withheld),
    };
  }

  /** The ids of the unit's figures, statements first, then themes: the order of `answered()`. */
  figureIds(): string[] {
    return [...this.layout.itemIds, ...this.layout.dimensionIds];
  }

  /** How many respondents each figure rests on so far, in the order of `figureIds()`. */
  answered(): number[] {
    const rowCount = this.itemCount + this.dimensionCount;
    const counts = new Array<number>(rowCount);
    for (let row = 0; row < rowCount; row++) counts[row] = this.data[this.base + row * slotSize]!;
    return counts;
  }
}

/**
 * The map of the rows that have figures: a row answered by fewer than
 * `minimumN` respondents (at least: none) is left out. Usually every item or
 * dimension has figures; the model's id list and row numbers are then
 * shared, not copied. (Plain loops: this runs for tens of thousands of units.)
 */
function figureMapOf(ids: readonly string[], rows: readonly number[], values: Float64Array, base: number, minimumN: number, withheld?: ReadonlySet<string>): FigureMap {
  if (ids.length === 0) return noFigures;
  const least = Math.max(1, minimumN);
  let complete = withheld === undefined || !ids.some((id) => withheld.has(id));
  for (const row of rows) if (values[base + row * figureRowSize]! < least) complete = false;
  if (complete) return new FigureMap(ids, rows, values, base);
  const keptIds: string[] = [];
  const keptRows: number[] = [];
  rows.forEach((row, index) => {
    if (values[base + row * figureRowSize]! < least || withheld?.has(ids[index]!)) return;
    keptIds.push(ids[index]!);
    keptRows.push(row);
  });
  return new FigureMap(keptIds, keptRows, values, base);
}
