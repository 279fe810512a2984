/**
 * Residents' comments and their review: all SQL on the comments table.
 * A comment carries its interview's street (for the review screen and the
 * neighbourhood report), never an address.
 */
import type { Queryable } from './db.js';
import { countsInFigures } from './interview-review.js';

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export interface StoredComment {
  interviewId: string;
  itemId: string;
  body: string;
  status: ReviewStatus;
  reviewedBody: string | null;
  streetName: string;
  neighbourhoodId: number;
  neighbourhood: string;
}

type CommentRow = { interview_id: string; item_id: string; body: string; review_status: ReviewStatus; reviewed_body: string | null; street: string; neighbourhood_id: number; neighbourhood: string };

const commentSelect = `
  SELECT c.interview_id, c.item_id, c.body, c.review_status, c.reviewed_body, s.name AS street, n.id AS neighbourhood_id, n.name AS neighbourhood
    FROM comments c
    JOIN interviews i ON i.id = c.interview_id
    JOIN streets s ON s.id = i.street_id
    JOIN neighbourhoods n ON n.id = s.neighbourhood_id
   WHERE i.study_id = ?`;

const toComment = (row: CommentRow): StoredComment => ({
  interviewId: row.interview_id, itemId: row.item_id, body: row.body, status: row.review_status, reviewedBody: row.reviewed_body,
  streetName: row.street, neighbourhoodId: row.neighbourhood_id, neighbourhood: row.neighbourhood,
});

/** The comments of a study, those still waiting for review first. */
export async function listComments(db: Queryable, studyId: number): Promise<StoredComment[]> {
  const rows = await db.all<CommentRow>(`${commentSelect} AND i.status = 'counted' AND trim(c.body) <> ''
    ORDER BY c.review_status <> 'pending', n.name, s.name, c.interview_id, c.item_id`, [studyId]);
  return rows.map(toComment);
}

/** Approved comments, as reviewed, for the reports. */
export async function listApprovedComments(db: Queryable, studyId: number): Promise<StoredComment[]> {
  const rows = await db.all<CommentRow>(`${commentSelect} AND ${countsInFigures} AND c.review_status = 'approved' ORDER BY n.name, c.interview_id, c.item_id`, [studyId]);
  return rows.map(toComment);
}

/**
 * Records a review. An approved comment's original is replaced by the
 * approved text: what a reviewer took out (a name, a phone number) is not
 * kept beside it. Returns false when the comment is not one of the study's.
 * Run inside a transaction.
 */
export async function reviewComment(tx: Queryable, review: { studyId: number; interviewId: string; itemId: string; status: 'approved' | 'rejected'; reviewedBody: string | null; reviewerId: number | null }): Promise<boolean> {
  const { changes } = await tx.run(
    `UPDATE comments SET review_status = ?1, reviewed_body = ?2, reviewed_by = ?3, reviewed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            body = CASE WHEN ?1 = 'approved' AND ?2 IS NOT NULL THEN ?2 ELSE body END
      WHERE interview_id = ?4 AND item_id = ?5 AND interview_id IN (SELECT id FROM interviews WHERE study_id = ?6)`,
    [review.status, review.reviewedBody, review.reviewerId, review.interviewId, review.itemId, review.studyId],
  );
  return changes === 1;
}
