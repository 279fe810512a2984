/**
 * Analysing a stored study: load its streets, its respondents' answers on the
 * study's contactladder version and, when the study asks it, the straatladder;
 * run the pure analysis on them; add the response figures per street from the
 * visit log and, for a follow-up wave, the change per street since the
 * earlier wave. The coordinators' JSON endpoint and the reports both start here.
 */
import { analyseStudy, type AnalysisResult } from '../domain/analysis/analyse-study.js';
import { compareStreetWaves } from '../domain/analysis/wave-change.js';
import { Problem } from '../domain/errors.js';
import { responseFigures, sumResponseFigures, type ResponseFigures } from '../domain/response-figures.js';
import type { Study } from '../domain/study.js';
import type { StudyAnalysis } from '../domain/study-analysis.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import { listStreets } from '../storage/address-frame.js';
import type { Queryable } from '../storage/db.js';
import { listStreetLadderAnswers, readRespondentTable } from '../storage/interviews.js';
import { listAddressProgress, type AddressProgress } from '../storage/monitoring.js';
import { listResponseSnapshots } from '../storage/purge.js';
import { getAnalysisRevision, getStudy } from '../storage/studies.js';

export type { StudyAnalysis };

export async function analyseStoredStudy(db: Queryable, instruments: InstrumentRegistry, study: Study): Promise<StudyAnalysis> {
  const result = await analyseStudyData(db, instruments, study);
  const streets = await studyResponse(db, study);
  const response = { total: sumResponseFigures([...streets.values()]), streets };

  const previousStudy = study.followUpOf === null ? undefined : await getStudy(db, study.followUpOf);
  if (!previousStudy) return { study, result, response };
  const previous = await analyseStudyData(db, instruments, previousStudy);
  return { study, result, response, waves: { previous: { id: previousStudy.id, name: previousStudy.name }, streets: compareStreetWaves(waveStreets(previous), waveStreets(result)) } };
}

/**
 * Response per street: from the visit log during fieldwork, from the snapshot
 * taken at the purge afterwards (the same figures, as the purge test shows).
 */
export async function studyResponse(db: Queryable, study: Study): Promise<Map<number, ResponseFigures>> {
  if (study.purgedAt !== null) return listResponseSnapshots(db, study.id);
  const perStreet = new Map<number, AddressProgress[]>();
  for (const address of await listAddressProgress(db, study.id)) {
    const list = perStreet.get(address.streetId);
    if (list) list.push(address);
    else perStreet.set(address.streetId, [address]);
  }
  return new Map([...perStreet].map(([streetId, addresses]) => [streetId, responseFigures(addresses)]));
}

/**
 * The latest analysis of a few studies, per database: a coordinator who opens
 * one street report after another in a city-scale study should not wait for
 * 100,000 respondents to be read and analysed again each time. An analysis is
 * kept under the study's analysis revision, which triggers change with every
 * change to what the analysis reads (0006-analysis-revision.sql), together
 * with the settings it depends on; any change means a fresh analysis. Kept
 * results are frozen, so no caller can change what the next one reads.
 */
const keptStudies = 3;
const kept = new WeakMap<Queryable, Map<number, { key: string; result: AnalysisResult }>>();

async function analyseStudyData(db: Queryable, instruments: InstrumentRegistry, study: Study): Promise<AnalysisResult> {
  const revision = await getAnalysisRevision(db, study.id);
  const key = JSON.stringify([revision, study.minReportSize, study.instruments]);
  let byStudy = kept.get(db);
  if (!byStudy) kept.set(db, (byStudy = new Map()));
  const entry = byStudy.get(study.id);
  if (entry?.key === key) return entry.result;
  const result = freezeDeep(await analyseFromStorage(db, instruments, study));
  byStudy.delete(study.id);
  byStudy.set(study.id, { key, result });
  // The least recently analysed study goes first.
  if (byStudy.size > keptStudies) byStudy.delete(byStudy.keys().next().value!);
  return result;
}

/** Freezes plain objects, arrays and Map values all the way down; typed arrays (figure rows) are left as they are. */
function freezeDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const inner of value.values()) freezeDeep(inner);
    return value;
  }
  Object.freeze(value);
  for (const inner of Object.values(value)) freezeDeep(inner);
  return value;
}

async function analyseFromStorage(db: Queryable, instruments: InstrumentRegistry, study: Study): Promise<AnalysisResult> {
  const choice = study.instruments.find((candidate) => instruments.get(candidate.instrumentId, candidate.version)?.thresholds);
  if (!choice) throw new Problem('invalidInput', { fields: [{ field: 'instruments', reason: 'noAnalysableInstrument' }] });
  const instrument = instruments.get(choice.instrumentId, choice.version)!;
  const ladder = study.instruments.map((candidate) => instruments.get(candidate.instrumentId, candidate.version)).find((candidate) => candidate?.rungs?.length);
  const streets = await listStreets(db, study.id);
  const neighbourhoods = [...new Map(streets.map((street) => [street.neighbourhoodId, { id: street.neighbourhoodId, name: street.neighbourhood }])).values()];
  return analyseStudy({
    instrument,
    minReportSize: study.minReportSize,
    neighbourhoods,
    streets: streets.map((street) => ({ id: street.id, name: street.name, neighbourhoodId: street.neighbourhoodId })),
    respondents: await readRespondentTable(db, study.id, instrument),
    ...(ladder ? { streetLadder: { rungs: ladder.rungs!.length, answers: await listStreetLadderAnswers(db, study.id, ladder.id, ladder.version, ladder.rungs!.length) } } : {}),
  });
}

/** What the wave comparison needs of each street: its weighted gaps and mean current rung, where shown on its own. */
function waveStreets(result: AnalysisResult) {
  const neighbourhoodName = new Map(result.neighbourhoods.map((neighbourhood) => [neighbourhood.neighbourhoodId, neighbourhood.name]));
  const ladder = new Map(result.streetLadder?.streets.map((street) => [street.streetId, street.result]));
  return result.streets.map((street) => {
    const ladderResult = ladder.get(street.streetId);
    const own = street.reportedAs === 'street';
    return {
      streetId: street.streetId, name: street.name, neighbourhood: neighbourhoodName.get(street.neighbourhoodId) ?? '',
      weightedGaps: own && street.result.kind === 'shown'
        ? new Map([...street.result.figures.figures.dimensions].map(([dimension, figures]) => [dimension, figures.weightedGap])) : undefined,
      currentRung: own && ladderResult?.kind === 'shown' ? ladderResult.figures.current : undefined,
    };
  });
}
