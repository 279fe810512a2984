-- A study's analysis revision: a number that changes whenever anything the
-- analysis reads changes (its interviews, streets, neighbourhoods or
-- instruments). services/analysis.ts keeps a study's latest analysis under
-- its revision, so opening one report after another in a city-scale study
-- does not analyse 100,000 respondents again for each. Triggers bump it, so
-- no write path, present or future, can forget to.

ALTER TABLE studies ADD COLUMN analysis_revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER interviews_revision_insert AFTER INSERT ON interviews
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = NEW.study_id; END;
CREATE TRIGGER interviews_revision_update AFTER UPDATE ON interviews
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id IN (OLD.study_id, NEW.study_id); END;
CREATE TRIGGER interviews_revision_delete AFTER DELETE ON interviews
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = OLD.study_id; END;

CREATE TRIGGER streets_revision_insert AFTER INSERT ON streets
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = NEW.study_id; END;
CREATE TRIGGER streets_revision_update AFTER UPDATE ON streets
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id IN (OLD.study_id, NEW.study_id); END;
CREATE TRIGGER streets_revision_delete AFTER DELETE ON streets
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = OLD.study_id; END;

CREATE TRIGGER neighbourhoods_revision_insert AFTER INSERT ON neighbourhoods
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = NEW.study_id; END;
CREATE TRIGGER neighbourhoods_revision_update AFTER UPDATE ON neighbourhoods
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id IN (OLD.study_id, NEW.study_id); END;
CREATE TRIGGER neighbourhoods_revision_delete AFTER DELETE ON neighbourhoods
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = OLD.study_id; END;

CREATE TRIGGER study_instruments_revision_insert AFTER INSERT ON study_instruments
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = NEW.study_id; END;
CREATE TRIGGER study_instruments_revision_delete AFTER DELETE ON study_instruments
BEGIN UPDATE studies SET analysis_revision = analysis_revision + 1 WHERE id = OLD.study_id; END;
