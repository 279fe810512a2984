/**
 * Interviews and their answers: the answer side of the data separation. Rows
 * carry a respondent key and a street, never an address (see
 * 0002-answers-apart-from-addresses.sql). Answers are one JSON document per
 * interview (src/domain/answer-document.ts), checked before they get here.
 */
import type { AnswerDocument } from '../domain/answer-document.js';
import { RespondentTableBuilder, tableLayoutOf, type RespondentTable } from '../domain/analysis/respondent-table.js';
import type { StreetLadderAnswer } from '../domain/analysis/street-ladder.js';
import type { Instrument } from '../domain/instrument.js';
import { insertRows, pagesByRowid, type Queryable } from './db.js';
import { countsInFigures } from './interview-review.js';

export interface NewInterview {
  id: string;
  studyId: number;
  streetId: number;
  respondentKey: string;
  instrumentId: string;
  instrumentVersion: number;
  interviewerId: number | null;
  startedAt: string;
  endedAt: string;
  appVersion: string;
  /** value null is "don't know / not applicable"; or the document already written as JSON (a synced interview: domain/sync-inspection.ts). */
  answers: AnswerDocument | string;
  /** Free-text answers, stored for review before any report shows them. */
  comments?: Record<string, string>;
  deviceId?: string;
  contentHash?: string;
}

const interviewColumns = ['id', 'study_id', 'street_id', 'respondent_key', 'instrument_id', 'instrument_version', 'interviewer_id',
  'started_at', 'ended_at', 'app_version', 'answers', 'device_id', 'content_hash'] as const;

/** Stores interviews with their answers and comments, a few statements for the lot. Run inside a transaction. */
export async function insertInterviews(tx: Queryable, interviews: readonly NewInterview[]): Promise<void> {
  await insertRows(tx, 'interviews', interviewColumns, interviews.map((interview) => [
    interview.id, interview.studyId, interview.streetId, interview.respondentKey, interview.instrumentId, interview.instrumentVersion,
    interview.interviewerId, interview.startedAt, interview.endedAt, interview.appVersion,
    typeof interview.answers === 'string' ? interview.answers : JSON.stringify(interview.answers),
    interview.deviceId ?? '', interview.contentHash ?? '',
  ]));
  const comments = interviews.flatMap((interview) => Object.entries(interview.comments ?? {})
    .filter(([, body]) => body.trim()).map(([itemId, body]) => [interview.id, itemId, body]));
  await insertRows(tx, 'comments', ['interview_id', 'item_id', 'body'], comments);
}

export const insertInterview = (tx: Queryable, interview: NewInterview) => insertInterviews(tx, [interview]);

interface AnswerRow {
  respondent_key: string;
  street_id: number;
  neighbourhood_id: number;
  answers: string;
}

/** The counted interviews of a study on one instrument version, in a stable order. */
function listCountedAnswers(db: Queryable, studyId: number, instrumentId: string, version: number): Promise<AnswerRow[]> {
  return db.all<AnswerRow>(
    `SELECT i.respondent_key, i.street_id, s.neighbourhood_id, i.answers
       FROM interviews i JOIN streets s ON s.id = i.street_id
      WHERE i.study_id = ? AND i.instrument_id = ? AND i.instrument_version = ? AND ${countsInFigures}
      ORDER BY i.respondent_key`,
    [studyId, instrumentId, version],
  );
}

/**
 * Every counted respondent of a study on one contactladder version, as the
 * analysis reads them (respondent-table.ts). Read a page at a time by rowid,
 * so a city-scale study never holds all its answer documents as text at once.
 */
export async function readRespondentTable(db: Queryable, studyId: number, instrument: Instrument, pageSize = 5000): Promise<RespondentTable> {
  const builder = new RespondentTableBuilder(tableLayoutOf(instrument));
  const pages = pagesByRowid<{ row: number; street_id: number; neighbourhood_id: number; answers: string }>(db,
    `SELECT i.rowid AS row, i.street_id, s.neighbourhood_id, i.answers
       FROM interviews i JOIN streets s ON s.id = i.street_id
      WHERE i.study_id = ? AND i.instrument_id = ? AND i.instrument_version = ? AND ${countsInFigures}`,
    'i.rowid', [studyId, instrument.id, instrument.version], pageSize);
  for await (const rows of pages) {
    for (const row of rows) builder.addDocument(row.street_id, row.neighbourhood_id, JSON.parse(row.answers) as AnswerDocument);
  }
  return builder.finish();
}

/** Every counted straatladder answer of a study: rungs now and wanted, and the checklist where it was asked. */
export async function listStreetLadderAnswers(db: Queryable, studyId: number, instrumentId: string, version: number, rungs: number): Promise<(StreetLadderAnswer & { streetId: number; neighbourhoodId: number })[]> {
  const rows = await listCountedAnswers(db, studyId, instrumentId, version);
  return rows.map((row) => {
    const document = Object.values(JSON.parse(row.answers) as AnswerDocument);
    const rung = document.find((ratings) => 'current' in ratings);
    const checklist = document.find((ratings) => 'now-1' in ratings);
    const appliesNow = checklist && Array.from({ length: rungs }, (_, index) => checklist[`now-${index + 1}`]);
    return {
      streetId: row.street_id,
      neighbourhoodId: row.neighbourhood_id,
      current: rung?.current ?? null,
      desired: rung?.desired ?? null,
      ...(appliesNow?.every((value) => value === 0 || value === 1) ? { appliesNow: appliesNow.map((value) => value === 1) } : {}),
    };
  });
}
