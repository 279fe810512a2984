-- A member's role in one study: a coordinator manages it, a reader sees its
-- published reports. Until now the account's own role stood in for it, so
-- existing reader accounts become readers and everyone else a coordinator.
ALTER TABLE study_members ADD COLUMN role TEXT NOT NULL DEFAULT 'coordinator' CHECK (role IN ('coordinator', 'reader'));
UPDATE study_members SET role = 'reader' WHERE user_id IN (SELECT id FROM users WHERE role = 'reader');

-- A coordinator can take a published report back from its readers. The row
-- and its files stay, for the audit; readers only ever get a unit's latest
-- publication, and only while it is not withdrawn.
ALTER TABLE published_reports ADD COLUMN withdrawn_at TEXT;
ALTER TABLE published_reports ADD COLUMN withdrawn_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX published_reports_unit ON published_reports (study_id, kind, unit_id);
CREATE INDEX published_reports_withdrawn_by ON published_reports (withdrawn_by);
