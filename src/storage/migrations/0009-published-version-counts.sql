-- The counts each published data version rests on (domain/analysis/version-differencing.ts):
-- a new version is published for readers only when no count differs from a version
-- readers were given before by more than nothing and less than the minimum reporting size.
-- Versions published before this migration have no counts and are not compared.
CREATE TABLE published_versions (
  study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
  data_version TEXT NOT NULL,
  counts TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (study_id, data_version)
);
