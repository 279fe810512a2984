/**
 * Reliability of the dimensions: Cronbach's alpha per dimension, for actual and
 * desired answers separately, gathered in the analysis's main pass, with the
 * flags of instruments.md ("Reliability"); the formula is in cronbach-alpha.ts.
 */
import type { Instrument } from '../instrument';
import { AlphaAccumulator, alphaFlag, type AlphaFlag, type AlphaResult } from './cronbach-alpha';
import type { GapModel, RespondentScores } from './respondent-scores';

export interface ReliabilityResult {
  dimension: string;
  actual: AlphaResult & { flag?: AlphaFlag };
  desired: AlphaResult & { flag?: AlphaFlag };
}

export class ReliabilityAccumulator {
  private readonly dimensions: { id: string; itemIndexes: number[]; actual: AlphaAccumulator; desired: AlphaAccumulator; row: Float64Array }[];

  constructor(model: GapModel) {
    this.dimensions = model.dimensions.map((dimension) => ({
      id: dimension.id, itemIndexes: dimension.itemIndexes, row: new Float64Array(dimension.itemIds.length),
      actual: new AlphaAccumulator(dimension.itemIds.length), desired: new AlphaAccumulator(dimension.itemIds.length),
    }));
  }

  /** Adds one respondent, from the answers scoreRespondent copied out (RespondentScores.answeredActual/-Desired). */
  add(scores: RespondentScores): void {
    for (const dimension of this.dimensions) {
      for (let index = 0; index < dimension.itemIndexes.length; index++) dimension.row[index] = scores.answeredActual[dimension.itemIndexes[index]!]!;
      dimension.actual.add(dimension.row);
      for (let index = 0; index < dimension.itemIndexes.length; index++) dimension.row[index] = scores.answeredDesired[dimension.itemIndexes[index]!]!;
      dimension.desired.add(dimension.row);
    }
  }

  results(thresholds: NonNullable<Instrument['thresholds']>): ReliabilityResult[] {
    const withFlag = (result: AlphaResult) => (result.kind === 'value' ? { ...result, flag: alphaFlag(result.alpha, thresholds) } : result);
    return this.dimensions.map((dimension) => ({ dimension: dimension.id, actual: withFlag(dimension.actual.result()), desired: withFlag(dimension.desired.result()) }));
  }
}
