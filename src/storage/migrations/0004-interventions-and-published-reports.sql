-- Interventions a coordinator records per street (a method from the
-- catalogue, a residents' workshop, street agreements), shown in the report
-- of a follow-up wave next to the change since the earlier wave.
CREATE TABLE interventions (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  street_id INTEGER NOT NULL REFERENCES streets (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('method', 'workshop', 'street-agreements')),
  method_id TEXT CHECK ((kind = 'method') = (method_id IS NOT NULL)),
  held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX interventions_study_id ON interventions (study_id);
CREATE INDEX interventions_street_id ON interventions (street_id);
CREATE INDEX interventions_created_by ON interventions (created_by);

-- A published report: the HTML and PDF written once to the data folder, with
-- the data version they came from, so a published report never changes
-- silently. Publishing again after new data adds a new row.
CREATE TABLE published_reports (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('street', 'neighbourhood')),
  unit_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  data_version TEXT NOT NULL,
  html_file TEXT NOT NULL,
  pdf_file TEXT NOT NULL,
  published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (study_id, kind, unit_id, data_version)
) STRICT;
CREATE INDEX published_reports_study_id ON published_reports (study_id);
CREATE INDEX published_reports_published_by ON published_reports (published_by);
