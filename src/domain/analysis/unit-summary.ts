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

/** The figures of one item or dimension in one unit, from n, Σx and Σx² of each quantity. */
export class GapAccumulator {
  private n = 0;
  // Sums and sums of squares, in the order actual, desired, importance, problem-aligned gap, weighted gap.
  private readonly sums = new Float64Array(5);
  private readonly sumsOfSquares = new Float64Array(5);
  private importanceCount = 0;
  private wantingImprovement = 0;
  private wantingLess = 0;

  /** Adds row `index` of the columns, when it holds a score. */
  add(columns: ScoreColumns, index: number): void {
    const weightedGap = columns.weightedGap[index]!;
    if (Number.isNaN(weightedGap)) return;
    const problemAlignedGap = columns.problemAlignedGap[index]!;
    const importance = columns.importance[index]!;
    this.n += 1;
    this.addValue(0, columns.actual[index]!);
    this.addValue(1, columns.desired[index]!);
    if (!Number.isNaN(importance)) {
      this.importanceCount += 1;
      this.addValue(2, importance);
    }
    this.addValue(3, problemAlignedGap);
    this.addValue(4, weightedGap);
    if (problemAlignedGap > satisfiedTolerance) this.wantingImprovement += 1;
    else if (problemAlignedGap < -satisfiedTolerance) this.wantingLess += 1;
  }

  private addValue(quantity: number, value: number): void {
    this.sums[quantity]! += value;
    this.sumsOfSquares[quantity]! += value * value;
  }

  private interval(quantity: number, n: number): MeanInterval {
    return intervalFromSums(n, this.sums[quantity]!, this.sumsOfSquares[quantity]!)!;
  }

  toFigures(): GapFigures | undefined {
    const { n } = this;
    if (n === 0) return undefined;
    return {
      n,
      actual: this.interval(0, n),
      desired: this.interval(1, n),
      importance: this.importanceCount > 0 ? this.interval(2, this.importanceCount) : undefined,
      problemAlignedGap: this.interval(3, n),
      weightedGap: this.interval(4, n),
      shareWantingImprovement: this.wantingImprovement / n,
      shareSatisfied: (n - this.wantingImprovement - this.wantingLess) / n,
      shareWantingLess: this.wantingLess / n,
    };
  }
}

export interface UnitFigures {
  respondents: number;
  items: Map<string, GapFigures>;
  dimensions: Map<string, GapFigures>;
}

/**
 * Gathers the scores of a unit's respondents, one at a time. Groups of
 * residents are compared per dimension only (`withItems: false`), which keeps
 * a city-scale analysis fast.
 */
export class UnitAccumulator {
  respondents = 0;
  private readonly items: GapAccumulator[];
  private readonly dimensions: GapAccumulator[];

  constructor(private readonly model: GapModel, options: { withItems?: boolean } = {}) {
    this.items = (options.withItems ?? true) ? model.items.map(() => new GapAccumulator()) : [];
    this.dimensions = model.dimensions.map(() => new GapAccumulator());
  }

  add(scores: RespondentScores): void {
    this.respondents += 1;
    for (let index = 0; index < this.items.length; index++) this.items[index]!.add(scores.items, index);
    for (let index = 0; index < this.dimensions.length; index++) this.dimensions[index]!.add(scores.dimensions, index);
  }

  toFigures(): UnitFigures {
    return {
      respondents: this.respondents,
      items: figuresOf(this.items, (index) => this.model.items[index]!.item.id),
      dimensions: figuresOf(this.dimensions, (index) => this.model.dimensions[index]!.id),
    };
  }
}

function figuresOf(accumulators: GapAccumulator[], idOf: (index: number) => string): Map<string, GapFigures> {
  const figures = new Map<string, GapFigures>();
  accumulators.forEach((accumulator, index) => {
    const result = accumulator.toFigures();
    if (result) figures.set(idOf(index), result);
  });
  return figures;
}
