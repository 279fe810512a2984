/**
 * The review of completed interviews: all SQL on their review state and the
 * reviewers' decisions. The state is on the interview (analysis side); the
 * decisions with what the reviewer wrote are fieldwork side
 * (interview_reviews, removed by the purge of the address frame).
 */
import type { Queryable } from './db.js';

export type ReviewState = 'new' | 'approved' | 'returned' | 'rejected';
export type ReviewDecision = Exclude<ReviewState, 'new'>;

/**
 * The condition, on an interview `i`, for being counted in the figures: never
 * when rejected, and only when approved where its study counts only approved
 * interviews. Every query that feeds the analysis or the reports uses it.
 */
export const countsInFigures = `i.status = 'counted' AND i.review_state <> 'rejected'
  AND (i.review_state = 'approved' OR i.study_id IN (SELECT id FROM studies WHERE only_approved = 0))`;

export interface ReviewedInterview {
  id: string;
  instrumentId: string;
  instrumentVersion: number;
  interviewerId: number | null;
  interviewer: string;
  streetName: string;
  neighbourhood: string;
  startedAt: string;
  endedAt: string;
  state: ReviewState;
  answers: string;
}

type Row = {
  id: string; instrument_id: string; instrument_version: number; interviewer_id: number | null; interviewer: string | null; street: string; neighbourhood: string;
  started_at: string; ended_at: string; review_state: ReviewState; answers: string;
};

const select = `SELECT i.id, i.instrument_id, i.instrument_version, i.interviewer_id, u.display_name AS interviewer, s.name AS street, n.name AS neighbourhood,
                       i.started_at, i.ended_at, i.review_state, i.answers
                  FROM interviews i JOIN streets s ON s.id = i.street_id JOIN neighbourhoods n ON n.id = s.neighbourhood_id
                  LEFT JOIN users u ON u.id = i.interviewer_id`;

const toInterview = (row: Row): ReviewedInterview => ({
  id: row.id, instrumentId: row.instrument_id, instrumentVersion: row.instrument_version, interviewerId: row.interviewer_id, interviewer: row.interviewer ?? '—',
  streetName: row.street, neighbourhood: row.neighbourhood, startedAt: row.started_at, endedAt: row.ended_at, state: row.review_state, answers: row.answers,
});

/** The study's interviews that are not set aside as duplicates, in the order they were held. */
export async function listReviewableInterviews(db: Queryable, studyId: number): Promise<ReviewedInterview[]> {
  const rows = await db.all<Row>(`${select} WHERE i.study_id = ? AND i.status = 'counted' ORDER BY i.started_at, i.id`, [studyId]);
  return rows.map(toInterview);
}

export async function findReviewableInterview(db: Queryable, studyId: number, interviewId: string): Promise<ReviewedInterview | undefined> {
  const row = await db.get<Row>(`${select} WHERE i.study_id = ? AND i.id = ? AND i.status = 'counted'`, [studyId, interviewId]);
  return row ? toInterview(row) : undefined;
}

export interface ReviewEntry {
  state: ReviewDecision;
  note: string;
  reviewer: string;
  reviewedAt: string;
}

/** Every decision on one interview, oldest first (gone after the purge of the address frame). */
export async function listReviews(db: Queryable, studyId: number, interviewId: string): Promise<ReviewEntry[]> {
  const rows = await db.all<{ state: ReviewDecision; note: string; reviewer: string | null; reviewed_at: string }>(
    `SELECT r.state, r.note, u.display_name AS reviewer, r.reviewed_at FROM interview_reviews r LEFT JOIN users u ON u.id = r.reviewer_id
      WHERE r.study_id = ? AND r.interview_id = ? ORDER BY r.id`, [studyId, interviewId]);
  return rows.map((row) => ({ state: row.state, note: row.note, reviewer: row.reviewer ?? '—', reviewedAt: row.reviewed_at }));
}

/**
 * Records one decision on each of `interviewIds` (of the study, not set
 * aside): the state on the interview and the decision with its note. Returns
 * how many interviews it changed. Run inside a transaction.
 */
export async function recordReview(tx: Queryable, review: { studyId: number; interviewIds: readonly string[]; state: ReviewDecision; note: string; reviewerId: number }): Promise<number> {
  let changed = 0;
  for (const interviewId of review.interviewIds) {
    const { changes } = await tx.run(
      `UPDATE interviews SET review_state = ? WHERE id = ? AND study_id = ? AND status = 'counted'`, [review.state, interviewId, review.studyId]);
    if (changes === 0) continue;
    await tx.run('INSERT INTO interview_reviews (study_id, interview_id, state, note, reviewer_id) VALUES (?, ?, ?, ?, ?)',
      [review.studyId, interviewId, review.state, review.note, review.reviewerId]);
    changed += 1;
  }
  return changed;
}
