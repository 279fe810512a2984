-- Offline sync (issue 3). Every record a tablet sends carries an id made on
-- the device and the SHA-256 of its content: the same id with the same hash
-- is a retry and changes nothing; the same id with another hash is a conflict,
-- kept in sync_conflicts for the coordinator instead of being dropped.
--
-- An interview's answers become one JSON document on the interview row
-- ({ itemId: { rating: value } }), validated against the instrument before it
-- is stored. One row per interview instead of a hundred answer rows is what
-- lets a hundred tablets sync a backlog at once (bench/sync.ts).

ALTER TABLE interviews ADD COLUMN answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers) AND json_type(answers) = 'object');
ALTER TABLE interviews ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN device_id TEXT NOT NULL DEFAULT '' CHECK (length(device_id) <= 64);
-- 'set-aside' after a coordinator keeps another interview of a duplicate pair:
-- the record stays, but the analysis no longer counts it.
ALTER TABLE interviews ADD COLUMN status TEXT NOT NULL DEFAULT 'counted' CHECK (status IN ('counted', 'set-aside'));

UPDATE interviews SET answers = coalesce((
  SELECT json_group_object(item_id, json(ratings))
    FROM (SELECT item_id, json_group_object(
                   CASE rating WHEN 'current-rung' THEN 'current' WHEN 'desired-rung' THEN 'desired' ELSE rating END, value) AS ratings
            FROM answers WHERE interview_id = interviews.id GROUP BY item_id)
), '{}');
DROP TABLE answers;

ALTER TABLE visits ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE visits ADD COLUMN device_id TEXT NOT NULL DEFAULT '' CHECK (length(device_id) <= 64);

-- A record whose id was already stored with other content. Fieldwork side:
-- the payload may name an address, so the purge of the frame removes it.
CREATE TABLE sync_conflicts (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'interview')),
  interviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  device_id TEXT NOT NULL CHECK (length(device_id) <= 64),
  content_hash TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (record_id, content_hash)
) STRICT;
CREATE INDEX sync_conflicts_study_id ON sync_conflicts (study_id);
CREATE INDEX sync_conflicts_interviewer_id ON sync_conflicts (interviewer_id);

-- A coordinator's decision on two or more interviews of one instrument at one
-- address: keep one (the others are set aside) or keep all as separate households.
CREATE TABLE duplicate_resolutions (
  address_id INTEGER NOT NULL REFERENCES addresses (id) ON DELETE CASCADE,
  instrument_id TEXT NOT NULL,
  resolution TEXT NOT NULL CHECK (resolution IN ('kept-one', 'separate-households')),
  kept_interview_id TEXT REFERENCES interviews (id) ON DELETE SET NULL,
  resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  resolved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (address_id, instrument_id)
) STRICT;
CREATE INDEX duplicate_resolutions_kept_interview_id ON duplicate_resolutions (kept_interview_id);
CREATE INDEX duplicate_resolutions_resolved_by ON duplicate_resolutions (resolved_by);
