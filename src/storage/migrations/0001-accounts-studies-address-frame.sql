-- Accounts, sessions, studies and the address frame (fieldwork side).
-- Timestamps are ISO-8601 UTC text. Every foreign key has an index whose
-- first column is the key (checked by test/integration/storage/schema.test.ts).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 64),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'interviewer', 'reader')),
  password_hash TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  disabled_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A session is found by the SHA-256 of its cookie token, so a copy of the
-- database does not hand out live sessions.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE studies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  commissioner TEXT NOT NULL CHECK (length(commissioner) BETWEEN 1 AND 200),
  area TEXT NOT NULL CHECK (length(area) BETWEEN 1 AND 200),
  fieldwork_start TEXT NOT NULL CHECK (date(fieldwork_start) = fieldwork_start),
  fieldwork_end TEXT NOT NULL CHECK (date(fieldwork_end) = fieldwork_end AND fieldwork_end >= fieldwork_start),
  min_report_size INTEGER NOT NULL DEFAULT 10 CHECK (min_report_size BETWEEN 5 AND 1000),
  max_visit_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_visit_attempts BETWEEN 1 AND 10),
  is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  follow_up_of INTEGER REFERENCES studies (id) ON DELETE SET NULL,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX studies_follow_up_of ON studies (follow_up_of);
CREATE INDEX studies_created_by ON studies (created_by);

-- Which instrument versions a study uses; answers record their own version too.
CREATE TABLE study_instruments (
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  instrument_id TEXT NOT NULL,
  instrument_version INTEGER NOT NULL CHECK (instrument_version >= 1),
  PRIMARY KEY (study_id, instrument_id)
) STRICT;

-- Coordinators who run a study and readers who may read its published reports.
CREATE TABLE study_members (
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (study_id, user_id)
) STRICT;
CREATE INDEX study_members_user_id ON study_members (user_id);

CREATE TABLE neighbourhoods (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  UNIQUE (study_id, name)
) STRICT;

-- A street is a street name within a neighbourhood: the unit every report is about.
CREATE TABLE streets (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  neighbourhood_id INTEGER NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  UNIQUE (neighbourhood_id, name)
) STRICT;
CREATE INDEX streets_study_id ON streets (study_id);

-- The address frame: fieldwork data, purged after fieldwork without touching any figure.
CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  street_id INTEGER NOT NULL REFERENCES streets (id) ON DELETE CASCADE,
  house_number INTEGER NOT NULL CHECK (house_number BETWEEN 1 AND 99999),
  addition TEXT NOT NULL DEFAULT '' CHECK (length(addition) <= 10),
  postcode TEXT NOT NULL CHECK (postcode GLOB '[1-9][0-9][0-9][0-9][A-Z][A-Z]'),
  UNIQUE (street_id, house_number, addition),
  UNIQUE (study_id, postcode, house_number, addition)
) STRICT;

CREATE TABLE assignments (
  street_id INTEGER NOT NULL REFERENCES streets (id) ON DELETE CASCADE,
  interviewer_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  assigned_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (street_id, interviewer_id)
) STRICT;
CREATE INDEX assignments_interviewer_id ON assignments (interviewer_id);
