/**
 * A study's analysis together with what the reports need beside it: the
 * response per street and, for a follow-up wave, the change per street since
 * the earlier wave. services/analysis.ts makes it from storage; the reports
 * read it.
 */
import type { AnalysisResult } from './analysis/analyse-study.js';
import type { StreetWaveChange } from './analysis/wave-change.js';
import type { ResponseFigures } from './response-figures.js';
import type { Study } from './study.js';

export interface StudyAnalysis {
  study: Study;
  result: AnalysisResult;
  /** Response per street from the visit log; the study's total under `total`. */
  response: { total: ResponseFigures; streets: Map<number, ResponseFigures> };
  /** For a follow-up wave: the earlier study and the change per street shown in both. */
  waves?: { previous: { id: number; name: string }; streets: StreetWaveChange[] };
}
