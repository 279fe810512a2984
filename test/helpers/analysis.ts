/**
 * The analysis of respondents written as records (the synthetic generator's
 * and the tests' form): the same study data, with the respondents turned into
 * the table the analysis reads.
 */
import { analyseStudy, type AnalysisResult, type StudyData } from '../../src/domain/analysis/analyse-study';
import { respondentTableOf, type RespondentAnswers } from '../../src/domain/analysis/respondent-table';
import type { Instrument } from '../../src/domain/instrument';

type RecordData = Omit<StudyData, 'instrument' | 'minReportSize' | 'respondents'> & { respondents: readonly RespondentAnswers[] };

export function analyseRecords(instrument: Instrument, minReportSize: number, data: RecordData): AnalysisResult {
  return analyseStudy({ ...data, instrument, minReportSize, respondents: respondentTableOf(instrument, data.respondents) });
}
