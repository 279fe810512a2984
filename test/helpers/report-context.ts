/**
 * A report context for a synthetic study, without a database: the analysis of
 * generated streets of known character, with response figures, as the report
 * service would pass it. For tests that read every sentence of many reports.
 */
import type { Instrument } from '../../src/domain/instrument';
import { responseFigures } from '../../src/domain/response-figures';
import type { Study } from '../../src/domain/study';
import type { ReportContext } from '../../src/reports/report-context';
import { generateStudy, type SyntheticStudy, type SyntheticStudySpec } from '../../src/synthetic/generate-study';
import { analyseRecords } from './analysis';
import type { Locale } from '../../src/i18n/translate';
import { instruments, reportLanguages } from './test-app';

export const contactladder = instruments.get('contactladder', 1) as Instrument;

/** `adjust` may change the generated respondents before the analysis, to build a unit of a known make-up; `language` is the report's. */
export function syntheticReportContext(
  spec: SyntheticStudySpec, minReportSize = 10, adjust?: (synthetic: SyntheticStudy) => void, language: Locale = 'nl',
): ReportContext {
  const synthetic = generateStudy(contactladder, spec);
  adjust?.(synthetic);
  const result = analyseRecords(contactladder, minReportSize, synthetic);
  const study: Study = {
    id: 1, name: `Synthetisch onderzoek ${spec.seed}`, commissioner: 'Gemeente Voorbeeldstad', area: 'Voorbeeldwijk', fieldworkStart: '2026-03-01', fieldworkEnd: '2026-04-15',
    minReportSize, maxVisitAttempts: 3, onlyApproved: false, isDemo: false, followUpOf: null, purgedAt: null, instruments: [{ instrumentId: 'contactladder', version: 1 }], createdAt: '', updatedAt: '',
  };
  const addresses = Array.from({ length: 40 }, (_, index) => ({ visits: 1, lastOutcome: null, ineligible: false, completed: index < 25 }));
  return {
    analysis: { study, result, response: { total: responseFigures([]), streets: new Map(synthetic.streets.map((street) => [street.id, responseFigures(addresses)])) } },
    instrument: contactladder, definitions: reportLanguages[language], previousInterventions: [], comments: [], instruments: [contactladder],
    header: { studyName: study.name, commissioner: study.commissioner, area: study.area, isDemo: false, language, generatedOn: language === 'nl' ? '2 december 2026' : '2 December 2026', dataVersion: 'test' },
  };
}
