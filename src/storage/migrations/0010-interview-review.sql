-- The coordinator's review of each completed interview (issue 16): new,
-- approved, returned to its interviewer, or rejected. The state stays with the
-- interview (analysis side: a rejected interview is never counted, and a
-- study may count only approved ones). What the reviewer wrote — a reason, a
-- comment for the interviewer — may name an address, so it lives on the
-- fieldwork side, one row per decision, and goes with the address frame's
-- purge; the audit log keeps that a decision was made.
ALTER TABLE interviews ADD COLUMN review_state TEXT NOT NULL DEFAULT 'new' CHECK (review_state IN ('new', 'approved', 'returned', 'rejected'));
CREATE INDEX interviews_review_state ON interviews (study_id, review_state);

CREATE TABLE interview_reviews (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('approved', 'returned', 'rejected')),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  reviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX interview_reviews_interview ON interview_reviews (interview_id);
CREATE INDEX interview_reviews_study ON interview_reviews (study_id);
CREATE INDEX interview_reviews_reviewer ON interview_reviews (reviewer_id);

-- "Alleen goedgekeurde interviews": off for every existing study, so its figures stay as they are.
ALTER TABLE studies ADD COLUMN only_approved INTEGER NOT NULL DEFAULT 0 CHECK (only_approved IN (0, 1));
