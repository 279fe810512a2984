-- Security and privacy (issue 6): the audit log, the purge of the address
-- frame after fieldwork, and the review of residents' comments.

-- Who did what, when. Append-only: the triggers refuse every change and every
-- delete, so not even a bug in the app can rewrite history. It names its
-- actor and study by id and by name at the time, without foreign keys, so an
-- entry outlives the study it is about.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_id INTEGER,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
  study_id INTEGER,
  subject TEXT NOT NULL DEFAULT '' CHECK (length(subject) <= 300),
  detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 2000)
) STRICT;
CREATE INDEX audit_log_study_id ON audit_log (study_id);
CREATE INDEX audit_log_actor_id ON audit_log (actor_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- When the address frame of a study was purged. From then on fieldwork is
-- closed: no import, no sync, and the response figures come from the snapshot.
ALTER TABLE studies ADD COLUMN purged_at TEXT;

-- The response figures per street, taken from the visit log in the same
-- transaction that purges it, so every report keeps its response section.
CREATE TABLE street_response_snapshots (
  street_id INTEGER PRIMARY KEY REFERENCES streets (id) ON DELETE CASCADE,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  addresses INTEGER NOT NULL,
  visits INTEGER NOT NULL,
  ineligible INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  not_reached INTEGER NOT NULL,
  not_visited INTEGER NOT NULL
) STRICT;
CREATE INDEX street_response_snapshots_study_id ON street_response_snapshots (study_id);

-- Who reviewed a comment and when; reviewed_body is the text after redaction.
ALTER TABLE comments ADD COLUMN reviewed_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE comments ADD COLUMN reviewed_at TEXT;
CREATE INDEX comments_reviewed_by ON comments (reviewed_by);
