/**
 * The figures of one unit's items or dimensions (unit-summary.ts), kept as
 * numbers in one Float64Array and read as `GapFigures` objects, by item or
 * dimension id, like a read-only Map.
 *
 * Why numbers and not objects: a city-scale study has some 300,000 sets of
 * figures (2,000 streets with their items, and about 44,000 street × group
 * cells). As objects each set is two dozen allocations (in V8 every
 * fractional number in an object is an object of its own): about 260 MB that
 * every garbage collection walks. As rows of numbers it is about 50 MB in a
 * few thousand arrays.
 *
 * Every number is computed when the unit's figures are made
 * (UnitAccumulator.toFigures); reading one only puts those numbers into an
 * object. JSON.stringify writes the map as a plain object (`toJSON`).
 *
 * Row layout (`figureRowSize` numbers): n, importance n, the three shares,
 * then mean, low and high of actual, desired, importance, problem-aligned gap
 * and weighted gap. Low and high are NaN where there is no interval (one value).
 */
import type { MeanInterval } from './mean-interval.js';
import type { StartingPoint } from './starting-points.js';

/** One item's or dimension's figures, as read from a row. */
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

export const figureRowSize = 20;
export const shareAt = { wantingImprovement: 2, satisfied: 3, wantingLess: 4 } as const;
/** Where each quantity's mean, low and high start in a row. */
export const quantityAt = { actual: 5, desired: 8, importance: 11, problemAlignedGap: 14, weightedGap: 17 } as const;

export class FigureMap implements ReadonlyMap<string, GapFigures> {
  /**
   * @param ids the ids that have figures (n > 0), in the model's order
   * @param rows the row of each of those ids, counted from `base` in `numbers`
   */
  constructor(
    private readonly ids: readonly string[], private readonly rows: readonly number[],
    private readonly numbers: Float64Array, private readonly base = 0,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  get(id: string): GapFigures | undefined {
    const index = this.ids.indexOf(id);
    return index < 0 ? undefined : this.figuresAt(this.rows[index]!);
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  keys(): MapIterator<string> {
    return this.ids.values();
  }

  values(): MapIterator<GapFigures> {
    return this.rows.map((row) => this.figuresAt(row)).values();
  }

  entries(): MapIterator<[string, GapFigures]> {
    return this.ids.map((id, index): [string, GapFigures] => [id, this.figuresAt(this.rows[index]!)]).values();
  }

  [Symbol.iterator](): MapIterator<[string, GapFigures]> {
    return this.entries();
  }

  forEach(callback: (value: GapFigures, key: string, map: ReadonlyMap<string, GapFigures>) => void, thisArg?: unknown): void {
    this.ids.forEach((id, index) => callback.call(thisArg, this.figuresAt(this.rows[index]!), id, this));
  }

  toJSON(): Record<string, GapFigures> {
    return Object.fromEntries(this.entries());
  }

  /**
   * Each id's weighted gap and share wanting improvement, what starting points
   * are decided on, without making the whole figures; only ids whose weighted
   * gap is at least `fromWeightedGap` (most street × group cells have none).
   */
  needs(fromWeightedGap = -Infinity): StartingPoint[] {
    const needs: StartingPoint[] = [];
    for (let index = 0; index < this.ids.length; index++) {
      const at = this.base + this.rows[index]! * figureRowSize;
      const weightedGap = this.numbers[at + quantityAt.weightedGap]!;
      if (weightedGap < fromWeightedGap) continue;
      needs.push({ dimension: this.ids[index]!, weightedGap, shareWantingImprovement: this.numbers[at + shareAt.wantingImprovement]! });
    }
    return needs;
  }

  private figuresAt(row: number): GapFigures {
    const at = this.base + row * figureRowSize;
    const n = this.numbers[at]!;
    const importanceN = this.numbers[at + 1]!;
    return {
      n,
      actual: this.intervalAt(at + quantityAt.actual, n),
      desired: this.intervalAt(at + quantityAt.desired, n),
      importance: importanceN > 0 ? this.intervalAt(at + quantityAt.importance, importanceN) : undefined,
      problemAlignedGap: this.intervalAt(at + quantityAt.problemAlignedGap, n),
      weightedGap: this.intervalAt(at + quantityAt.weightedGap, n),
      shareWantingImprovement: this.numbers[at + shareAt.wantingImprovement]!,
      shareSatisfied: this.numbers[at + shareAt.satisfied]!,
      shareWantingLess: this.numbers[at + shareAt.wantingLess]!,
    };
  }

  private intervalAt(at: number, n: number): MeanInterval {
    const low = this.numbers[at + 1]!;
    return Number.isNaN(low) ? { n, mean: this.numbers[at]! } : { n, mean: this.numbers[at]!, low, high: this.numbers[at + 2]! };
  }
}

/** A map with no figures, shared by every unit that has none of a kind (groups of residents have no item figures). */
export const noFigures = new FigureMap([], [], new Float64Array(0));
