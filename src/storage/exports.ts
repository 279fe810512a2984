/**
 * Reading respondents for an export, a page at a time, so an export of
 * 100,000 respondents never holds them all in memory. Only the interviews
 * the figures count (interview-review.ts), with their random key, street and neighbourhood: the query
 * does not touch the fieldwork side, so it cannot return an address.
 */
import type { AnswerDocument, RespondentRecord } from '../domain/answer-document.js';
import { pagesByRowid, type Queryable } from './db.js';
import { countsInFigures } from './interview-review.js';

type Row = { row: number; respondent_key: string; neighbourhood: string; street: string; instrument_version: number; answers: string };

export async function* respondentPages(db: Queryable, studyId: number, instrumentId: string, pageSize = 2000): AsyncGenerator<RespondentRecord[]> {
  const pages = pagesByRowid<Row>(db,
    `SELECT i.rowid AS row, i.respondent_key, n.name AS neighbourhood, s.name AS street, i.instrument_version, i.answers
       FROM interviews i JOIN streets s ON s.id = i.street_id JOIN neighbourhoods n ON n.id = s.neighbourhood_id
      WHERE i.study_id = ? AND i.instrument_id = ? AND ${countsInFigures}`,
    'i.rowid', [studyId, instrumentId], pageSize);
  for await (const rows of pages) {
    yield rows.map((row) => ({
      respondentKey: row.respondent_key, neighbourhood: row.neighbourhood, street: row.street,
      instrumentVersion: row.instrument_version, answers: JSON.parse(row.answers) as AnswerDocument,
    }));
  }
}

/** The longest street and neighbourhood name in bytes, for the SPSS syntax's string widths. */
export async function longestNames(db: Queryable, studyId: number): Promise<{ street: number; neighbourhood: number }> {
  const row = await db.get<{ street: number | null; neighbourhood: number | null }>(
    `SELECT max(length(CAST(s.name AS BLOB))) AS street, max(length(CAST(n.name AS BLOB))) AS neighbourhood
       FROM streets s JOIN neighbourhoods n ON n.id = s.neighbourhood_id WHERE s.study_id = ?`, [studyId]);
  return { street: row?.street ?? 1, neighbourhood: row?.neighbourhood ?? 1 };
}
