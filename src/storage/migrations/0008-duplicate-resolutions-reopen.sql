-- A duplicate's resolution covers the interviews counted when it was made:
-- `counted_after` is how many were still counted right after it (1 when one was
-- kept, all of them for separate households). A later interview at the same
-- address makes more than that, and the duplicate is open again.
ALTER TABLE duplicate_resolutions ADD COLUMN counted_after INTEGER NOT NULL DEFAULT 0;
UPDATE duplicate_resolutions SET counted_after = (
  SELECT count(*) FROM interview_addresses ia JOIN interviews i ON i.id = ia.interview_id
   WHERE ia.address_id = duplicate_resolutions.address_id AND i.instrument_id = duplicate_resolutions.instrument_id AND i.status = 'counted'
);
