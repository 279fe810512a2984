/**
 * The analysis result as JSON for coordinators: Maps are written as plain
 * objects. Disclosure control is already applied in the result, so a
 * suppressed unit has no figures here either.
 */
import type { AnalysisResult } from '../../domain/analysis/analyse-study';

export function analysisToJson(result: AnalysisResult): string {
  return JSON.stringify(result, (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value));
}
