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
import { compactRatingsOf } from '../domain/analysis/compact-ratings.js';
import { insertRows, pagesByRowid, type Database, type Queryable } from './db.js';
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
  /** The answers in the respondent table's layout (analysis/compact-ratings.ts); without them the analysis parses the document, until the back-fill writes them. */
  ratings?: Uint8Array;
  /** Free-text answers, stored for review before any report shows them. */
  comments?: Record<string, string>;
  deviceId?: string;
  contentHash?: string;
}

const interviewColumns = ['id', 'study_id', 'street_id', 'respondent_key', 'instrument_id', 'instrument_version', 'interviewer_id',
  'started_at', 'ended_at', 'app_version', 'answers', 'ratings', 'device_id', 'content_hash'] as const;

/** Stores interviews with their answers and comments, a few statements for the lot. Run inside a transaction. */
export async function insertInterviews(tx: Queryable, interviews: readonly NewInterview[]): Promise<void> {
  await insertRows(tx, 'interviews', interviewColumns, interviews.map((interview) => [
    interview.id, interview.studyId, interview.streetId, interview.respondentKey, interview.instrumentId, interview.instrumentVersion,
    interview.interviewerId, interview.startedAt, interview.endedAt, interview.appVersion,
    typeof interview.answers === 'string' ? interview.answers : JSON.stringify(interview.answers),
    interview.ratings ? Buffer.from(interview.ratings.buffer, interview.ratings.byteOffset, interview.ratings.byteLength) : null,
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
 * analysis reads them (respondent-table.ts): from the compact ratings where
 * they are stored (no JSON to parse), from the answer document where they are
 * not yet. Read a page at a time by rowid, so a city-scale study never holds
 * all its rows at once.
 */
export async function readRespondentTable(db: Queryable, studyId: number, instrument: Instrument, pageSize = 5000): Promise<RespondentTable> {
  const builder = new RespondentTableBuilder(tableLayoutOf(instrument));
  const pages = pagesByRowid<{ row: number; street_id: number; neighbourhood_id: number; ratings: Uint8Array | null; answers: string | null }>(db,
    `SELECT i.rowid AS row, i.street_id, s.neighbourhood_id, i.ratings, CASE WHEN i.ratings IS NULL THEN i.answers END AS answers
       FROM interviews i JOIN streets s ON s.id = i.street_id
      WHERE i.study_id = ? AND i.instrument_id = ? AND i.instrument_version = ? AND ${countsInFigures}`,
    'i.rowid', [studyId, instrument.id, instrument.version], pageSize);
  for await (const rows of pages) {
    for (const row of rows) {
      if (row.ratings) builder.addCompact(row.street_id, row.neighbourhood_id, row.ratings);
      else builder.addDocument(row.street_id, row.neighbourhood_id, JSON.parse(row.answers!) as AnswerDocument);
    }
  }
  return builder.finish();
}

/**
 * Writes the compact ratings of interviews stored without them (before the
 * column existed, or by a path that does not make them), for every version
 * the analysis reads, a page at a time, each page in its own transaction.
 * Returns how many it wrote. Run at start-up; the analysis is right without
 * it, only slower.
 */
export async function backfillCompactRatings(db: Database, instruments: readonly Instrument[], pageSize = 2000): Promise<number> {
  let written = 0;
  for (const instrument of instruments) {
    for (let after = 0; ;) {
      const rows = await db.all<{ row: number; answers: string }>(
        `SELECT rowid AS row, answers FROM interviews WHERE instrument_id = ? AND instrument_version = ? AND ratings IS NULL AND rowid > ?
          ORDER BY rowid LIMIT ?`, [instrument.id, instrument.version, after, pageSize]);
      if (rows.length === 0) break;
      after = rows.at(-1)!.row;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          let ratings: Uint8Array;
          try {
            ratings = compactRatingsOf(instrument, JSON.parse(row.answers) as AnswerDocument)!;
          } catch (error) {
            // A document the instrument does not accept (an answer off its scale) stays without: the analysis reads it and says what is wrong, as before.
            if (error instanceof RangeError || error instanceof SyntaxError) continue;
            throw error;
          }
          await tx.run('UPDATE interviews SET ratings = ? WHERE rowid = ?', [Buffer.from(ratings.buffer, ratings.byteOffset, ratings.byteLength), row.row]);
          written += 1;
        }
      });
    }
  }
  return written;
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
