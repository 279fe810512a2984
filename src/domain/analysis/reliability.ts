/**
 * Reliability of the dimensions: Cronbach's alpha per dimension, for actual and
 * desired answers separately, gathered in the analysis's main pass, with the
 * flags of instruments.md ("Reliability"); the formula is in cronbach-alpha.ts.
 *
 * Alpha is gathered for the study and for every unit (street units and
 * neighbourhoods): the study's is inflated by the differences between streets
 * (0.94 study-wide against 0.39–0.69 within streets in the review), so a
 * street's figures are read with the street's own alpha. A unit with fewer
 * complete answers than the minimum reporting size gets no alpha
 * (`minimumN`: "too-few-respondents").
 */
import type { Instrument } from '../instrument.js';
import { AlphaAccumulator, alphaFlag, type AlphaFlag, type AlphaResult } from './cronbach-alpha.js';
import type { GapModel, RespondentScores } from './respondent-scores.js';

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

  /** Adds another unit's rows (same model). */
  merge(other: ReliabilityAccumulator): void {
    this.dimensions.forEach((dimension, index) => {
      dimension.actual.merge(other.dimensions[index]!.actual);
      dimension.desired.merge(other.dimensions[index]!.desired);
    });
  }

  results(thresholds: NonNullable<Instrument['thresholds']>, minimumN = 2): ReliabilityResult[] {
    const withFlag = (result: AlphaResult): AlphaResult & { flag?: AlphaFlag } => {
      if (result.kind === 'value' && result.n < minimumN) return { kind: 'not-computable', reason: 'too-few-respondents', n: result.n, items: result.items };
      return result.kind === 'value' ? { ...result, flag: alphaFlag(result.alpha, thresholds) } : result;
    };
    return this.dimensions.map((dimension) => ({ dimension: dimension.id, actual: withFlag(dimension.actual.result()), desired: withFlag(dimension.desired.result()) }));
  }
}
