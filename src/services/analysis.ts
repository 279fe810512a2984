/**
 * Analysing a stored study: load its streets and its respondents' answers on
 * the study's contactladder version, and run the pure analysis on them.
 */
import { analyseStudy, type AnalysisResult } from '../domain/analysis/analyse-study';
import { Problem } from '../domain/errors';
import type { Study } from '../domain/study';
import type { InstrumentRegistry } from '../instruments/load-instruments';
import { listStreets } from '../storage/address-frame';
import type { Queryable } from '../storage/db';
import { listRespondentAnswers } from '../storage/interviews';

export async function analyseStoredStudy(db: Queryable, instruments: InstrumentRegistry, study: Study): Promise<AnalysisResult> {
  const choice = study.instruments.find((candidate) => instruments.get(candidate.instrumentId, candidate.version)?.thresholds);
  if (!choice) throw new Problem('invalidInput', { fields: [{ field: 'instruments', reason: 'noAnalysableInstrument' }] });
  const instrument = instruments.get(choice.instrumentId, choice.version)!;
  const streets = await listStreets(db, study.id);
  const neighbourhoods = [...new Map(streets.map((street) => [street.neighbourhoodId, { id: street.neighbourhoodId, name: street.neighbourhood }])).values()];
  return analyseStudy({
    instrument,
    minReportSize: study.minReportSize,
    neighbourhoods,
    streets: streets.map((street) => ({ id: street.id, name: street.name, neighbourhoodId: street.neighbourhoodId })),
    respondents: await listRespondentAnswers(db, study.id, instrument.id, instrument.version),
  });
}
