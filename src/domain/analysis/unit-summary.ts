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
 * Gathered in one pass with running means, so summarising many units is
 * linear in respondents.
 */
import type { MeanInterval } from './mean-interval';
import type { RespondentScores, ScoredGap } from './respondent-scores';
import { RunningMean } from './running-mean';

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

export class GapAccumulator {
  private readonly actual = new RunningMean();
  private readonly desired = new RunningMean();
  private readonly importance = new RunningMean();
  private readonly problemAlignedGap = new RunningMean();
  private readonly weightedGap = new RunningMean();
  private wantingImprovement = 0;
  private wantingLess = 0;

  add(gap: ScoredGap): void {
    this.actual.add(gap.actual);
    this.desired.add(gap.desired);
    if (gap.importance !== undefined) this.importance.add(gap.importance);
    this.problemAlignedGap.add(gap.problemAlignedGap);
    this.weightedGap.add(gap.weightedGap);
    if (gap.problemAlignedGap > satisfiedTolerance) this.wantingImprovement += 1;
    else if (gap.problemAlignedGap < -satisfiedTolerance) this.wantingLess += 1;
  }

  toFigures(): GapFigures | undefined {
    const n = this.weightedGap.n;
    if (n === 0) return undefined;
    return {
      n,
      actual: this.actual.toInterval()!,
      desired: this.desired.toInterval()!,
      importance: this.importance.toInterval(),
      problemAlignedGap: this.problemAlignedGap.toInterval()!,
      weightedGap: this.weightedGap.toInterval()!,
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
  private readonly items = new Map<string, GapAccumulator>();
  private readonly dimensions = new Map<string, GapAccumulator>();
  private readonly withItems: boolean;

  constructor(options: { withItems?: boolean } = {}) {
    this.withItems = options.withItems ?? true;
  }

  add(scores: RespondentScores): void {
    this.respondents += 1;
    if (this.withItems) for (const [id, gap] of scores.items) accumulatorFor(this.items, id).add(gap);
    for (const [id, gap] of scores.dimensions) accumulatorFor(this.dimensions, id).add(gap);
  }

  toFigures(): UnitFigures {
    return { respondents: this.respondents, items: figuresOf(this.items), dimensions: figuresOf(this.dimensions) };
  }
}

function accumulatorFor(map: Map<string, GapAccumulator>, id: string): GapAccumulator {
  let accumulator = map.get(id);
  if (!accumulator) map.set(id, (accumulator = new GapAccumulator()));
  return accumulator;
}

function figuresOf(map: Map<string, GapAccumulator>): Map<string, GapFigures> {
  const figures = new Map<string, GapFigures>();
  for (const [id, accumulator] of map) {
    const result = accumulator.toFigures();
    if (result) figures.set(id, result);
  }
  return figures;
}
