/**
 * Interviews and their answers: the answer side of the data separation. Rows
 * carry a respondent key and a street, never an address (see
 * 0002-answers-apart-from-addresses.sql).
 */
import type { RespondentAnswers } from '../domain/analysis/respondent-scores';
import { withConstraints } from './constraint-errors';
import type { Queryable } from './db';

export type Rating = 'actual' | 'desired' | 'importance' | 'now' | 'willing' | 'answer' | 'current-rung' | 'desired-rung';

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
  /** value null is "don't know / not applicable". */
  answers: { itemId: string; rating: Rating; value: number | null }[];
}

/** Stores an interview with its answers. Run inside a transaction. */
export async function insertInterview(tx: Queryable, interview: NewInterview): Promise<void> {
  await withConstraints('interview', () => tx.run(
    `INSERT INTO interviews (id, study_id, street_id, respondent_key, instrument_id, instrument_version, interviewer_id, started_at, ended_at, app_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [interview.id, interview.studyId, interview.streetId, interview.respondentKey, interview.instrumentId, interview.instrumentVersion,
      interview.interviewerId, interview.startedAt, interview.endedAt, interview.appVersion],
  ));
  for (let start = 0; start < interview.answers.length; start += 200) {
    const batch = interview.answers.slice(start, start + 200);
    await withConstraints('answer', () => tx.run(
      `INSERT INTO answers (interview_id, item_id, rating, value) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((answer) => [interview.id, answer.itemId, answer.rating, answer.value]),
    ));
  }
}

/**
 * Every respondent of a study on one instrument version, as the analysis
 * reads them: paired ratings per item, and single answers as background.
 */
export async function listRespondentAnswers(db: Queryable, studyId: number, instrumentId: string, version: number): Promise<RespondentAnswers[]> {
  const rows = await db.all<{ respondent_key: string; street_id: number; neighbourhood_id: number; item_id: string; rating: Rating; value: number | null }>(
    `SELECT i.respondent_key, i.street_id, s.neighbourhood_id, a.item_id, a.rating, a.value
       FROM interviews i
       JOIN streets s ON s.id = i.street_id
       JOIN answers a ON a.interview_id = i.id
      WHERE i.study_id = ? AND i.instrument_id = ? AND i.instrument_version = ?
      ORDER BY i.respondent_key`,
    [studyId, instrumentId, version],
  );
  const respondents: RespondentAnswers[] = [];
  let current: { key: string; streetId: number; neighbourhoodId: number; paired: Record<string, { actual: number | null; desired: number | null; importance?: number | null }>; background: Record<string, number | null> } | undefined;
  for (const row of rows) {
    if (current?.key !== row.respondent_key) {
      current = { key: row.respondent_key, streetId: row.street_id, neighbourhoodId: row.neighbourhood_id, paired: {}, background: {} };
      respondents.push(current);
    }
    if (row.rating === 'answer') {
      current.background[row.item_id] = row.value;
    } else if (row.rating === 'actual' || row.rating === 'desired' || row.rating === 'importance') {
      const answer = (current.paired[row.item_id] ??= { actual: null, desired: null });
      answer[row.rating] = row.value;
    }
  }
  return respondents;
}
