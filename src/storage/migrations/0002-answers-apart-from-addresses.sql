-- Data separation (shared/spec/instruments.md): an interview and its answers
-- carry a random respondent key and a street, never an address. The link
-- between an interview and the address where it was held lives on the
-- fieldwork side (interview_addresses) and is purged with the address frame.
-- Follow-up consent and contact details have a table of their own.

-- One completed interview. Its id is made on the tablet, so a retried sync
-- finds the same row instead of storing a second copy.
CREATE TABLE interviews (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  street_id INTEGER NOT NULL REFERENCES streets (id),
  respondent_key TEXT NOT NULL UNIQUE,
  instrument_id TEXT NOT NULL,
  instrument_version INTEGER NOT NULL CHECK (instrument_version >= 1),
  interviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL CHECK (ended_at >= started_at),
  app_version TEXT NOT NULL,
  received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX interviews_study_id ON interviews (study_id);
CREATE INDEX interviews_street_id ON interviews (street_id);
CREATE INDEX interviews_interviewer_id ON interviews (interviewer_id);

-- One rating of one item. value NULL is "don't know / not applicable":
-- recorded, but never counted as a value. Scales run 1..K with K at most 10.
CREATE TABLE answers (
  interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('actual', 'desired', 'importance', 'now', 'willing', 'answer', 'current-rung', 'desired-rung')),
  value INTEGER CHECK (value IS NULL OR value BETWEEN 1 AND 10),
  PRIMARY KEY (interview_id, item_id, rating)
) STRICT, WITHOUT ROWID;

-- Free-text answers, shown in reports only after a coordinator's review.
CREATE TABLE comments (
  interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  body TEXT NOT NULL CHECK (length(body) <= 4000),
  review_status TEXT NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'approved', 'rejected')),
  reviewed_body TEXT CHECK (reviewed_body IS NULL OR length(reviewed_body) <= 4000),
  PRIMARY KEY (interview_id, item_id)
) STRICT;

-- Fieldwork side: every door visit, with an id made on the tablet.
CREATE TABLE visits (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
  address_id INTEGER NOT NULL REFERENCES addresses (id) ON DELETE CASCADE,
  interviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  visited_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('not-home', 'refused', 'language-barrier', 'ineligible', 'appointment', 'interview')),
  appointment_at TEXT CHECK ((outcome = 'appointment') = (appointment_at IS NOT NULL)),
  received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX visits_address_id ON visits (address_id);
CREATE INDEX visits_interviewer_id ON visits (interviewer_id);

-- Fieldwork side: where an interview was held. Needed to flag two interviews
-- at one address; deleted when the address frame is purged.
CREATE TABLE interview_addresses (
  interview_id TEXT PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
  address_id INTEGER NOT NULL REFERENCES addresses (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX interview_addresses_address_id ON interview_addresses (address_id);

-- Consent for follow-up contact, kept apart from the answers: it names the
-- street, never the interview.
CREATE TABLE follow_up_contacts (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  street_id INTEGER NOT NULL REFERENCES streets (id),
  name TEXT NOT NULL CHECK (length(name) <= 120),
  phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
  email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 200),
  consented_at TEXT NOT NULL,
  handled_at TEXT
) STRICT;
CREATE INDEX follow_up_contacts_study_id ON follow_up_contacts (study_id);
CREATE INDEX follow_up_contacts_street_id ON follow_up_contacts (street_id);
