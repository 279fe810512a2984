/**
 * The analysis result as JSON for coordinators: Maps are written as plain
 * objects. Disclosure control is already applied in the result, so a
 * suppressed unit has no figures here either.
 */
import type { StudyAnalysis } from '../../services/analysis.js';

/** The analysis result with the response per street and, for a follow-up wave, the change since the earlier wave. */
export function analysisToJson({ result, response, waves }: StudyAnalysis): string {
  return JSON.stringify({ ...result, response, waves }, (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value));
}
